// EmotionNet's page: a photo to /v1/analyze, the camera over the /v1/stream WebSocket, a video to /v1/videos.
// Plain JavaScript, no build step, nothing loaded from elsewhere.
'use strict';

const COLORS = { Angry: '#d92d20', Disgust: '#6f9d1c', Fear: '#7a5af8', Happy: '#f0a100', Sad: '#2e90fa', Surprise: '#ee46bc', Neutral: '#98a2b3' };
const colorOf = label => COLORS[label] || '#2f6fde';
const $ = id => document.getElementById(id);

// ---- API key: asked for only when the server answers 401, kept for this tab.
function apiKey() { return sessionStorage.getItem('emotionnet-key') || ''; }
function keyHeaders() { return apiKey() ? { 'X-Api-Key': apiKey() } : {}; }
function keyQuery(prefix) { return apiKey() ? `${prefix}key=${encodeURIComponent(apiKey())}` : ''; }
function askForKey() {
  $('key-box').hidden = false;
  setStatus('this server needs an API key', 'error');
}
$('api-key').addEventListener('change', e => { sessionStorage.setItem('emotionnet-key', e.target.value.trim()); checkReady(); });

function setStatus(text, kind) {
  const status = $('status');
  status.textContent = text;
  status.className = 'status ' + (kind || '');
}

async function checkReady() {
  try {
    const r = await fetch('/readyz');
    setStatus(r.ok ? 'model ready' : 'model loading...', r.ok ? 'ready' : '');
    if (!r.ok) setTimeout(checkReady, 1000);
  } catch { setStatus('server unreachable', 'error'); }
}

async function problemText(response) {
  if (response.status === 401) askForKey();
  try { const p = await response.json(); return `${p.title || response.status}: ${p.detail || ''}`; } catch { return `HTTP ${response.status}`; }
}

// ---- Probability bars, shared by the photo and the camera.
function faceCard(face, title) {
  const card = document.createElement('div');
  card.className = 'face-card';
  card.dataset.faceId = face.id;
  const h = document.createElement('h3');
  h.textContent = `${title} ${face.id}: ${face.label} ${(face.confidence * 100).toFixed(0)}%${face.uncertain ? ' (uncertain)' : ''}`;
  card.appendChild(h);
  for (const [name, p] of Object.entries(face.probabilities)) {
    const row = document.createElement('div');
    row.className = 'bar';
    const label = document.createElement('span'); label.textContent = name;
    const track = document.createElement('span'); track.className = 'track';
    const fill = document.createElement('span'); fill.className = 'fill';
    fill.style.display = 'block'; fill.style.width = `${(p * 100).toFixed(1)}%`; fill.style.background = colorOf(name);
    track.appendChild(fill);
    const value = document.createElement('span'); value.className = 'value'; value.textContent = `${(p * 100).toFixed(0)}%`;
    row.append(label, track, value);
    card.appendChild(row);
  }
  return card;
}

// ---- Photo
async function analyzePhoto(file) {
  const message = $('photo-message');
  message.className = 'message'; message.textContent = 'analyzing...';
  const response = await fetch('/v1/analyze', { method: 'POST', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream', ...keyHeaders() } });
  if (!response.ok) { message.className = 'message error'; message.textContent = await problemText(response); return; }
  const result = await response.json();
  const bitmap = await createImageBitmap(file);
  const canvas = $('photo-canvas');
  const scale = Math.min(1, 640 / bitmap.width);
  canvas.width = Math.round(bitmap.width * scale); canvas.height = Math.round(bitmap.height * scale);
  const g = canvas.getContext('2d');
  g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  g.lineWidth = 3; g.font = 'bold 15px system-ui, sans-serif';
  for (const f of result.faces) {
    const c = colorOf(f.label);
    g.strokeStyle = c; g.fillStyle = c;
    g.strokeRect(f.box.x * scale, f.box.y * scale, f.box.width * scale, f.box.height * scale);
    g.fillText(`${f.id} ${f.label}`, f.box.x * scale, Math.max(14, f.box.y * scale - 5));
  }
  const faces = $('photo-faces');
  faces.replaceChildren(...result.faces.map(f => faceCard(f, 'Face')));
  message.textContent = result.faces.length ? `${result.faces.length} face(s), ${(result.seconds * 1000).toFixed(0)} ms` : 'no face found';
}

const drop = $('drop');
drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files[0]) analyzePhoto(e.dataTransfer.files[0]); });
$('photo-input').addEventListener('change', e => { if (e.target.files[0]) analyzePhoto(e.target.files[0]); });

// ---- Camera: one frame in flight at a time (the next is sent when the last one's result arrives),
// so a slow server or network lowers the frame rate instead of building a queue.
const camera = { stream: null, socket: null, busy: false, sent: 0, results: 0, started: 0 };
const grab = document.createElement('canvas');

function drawLegend() {
  $('legend').replaceChildren(...Object.entries(COLORS).map(([name, c]) => {
    const item = document.createElement('span');
    const swatch = document.createElement('i'); swatch.style.background = c;
    item.append(swatch, name);
    return item;
  }));
}

// The timeline scrolls left by one column per result: each column stacks the first face's probabilities.
function pushTimeline(faces) {
  const canvas = $('timeline');
  const g = canvas.getContext('2d');
  const w = 3;
  g.drawImage(canvas, -w, 0);
  g.clearRect(canvas.width - w, 0, w, canvas.height);
  const face = faces.slice().sort((a, b) => a.id - b.id)[0];
  if (face) {
    let y = canvas.height;
    for (const [name, p] of Object.entries(face.probabilities)) {
      const h = p * canvas.height;
      g.fillStyle = colorOf(name);
      g.fillRect(canvas.width - w, y - h, w, h);
      y -= h;
    }
  }
  canvas.dataset.frames = String(Number(canvas.dataset.frames) + 1);
}

function drawBoxes(result) {
  const video = $('camera-video');
  const sx = video.clientWidth / result.width, sy = video.clientHeight / result.height;
  const boxes = result.faces.map(f => {
    const box = document.createElement('div');
    box.className = 'face-box';
    box.dataset.faceId = f.id;
    box.style.left = `${f.box.x * sx}px`; box.style.top = `${f.box.y * sy}px`;
    box.style.width = `${f.box.width * sx}px`; box.style.height = `${f.box.height * sy}px`;
    box.style.borderColor = colorOf(f.label);
    const label = document.createElement('span');
    label.className = 'face-label';
    label.style.background = colorOf(f.label);
    label.textContent = `${f.id} ${f.label} ${(f.confidence * 100).toFixed(0)}%`;
    box.appendChild(label);
    return box;
  });
  $('overlay').replaceChildren(...boxes);
  $('live-faces').replaceChildren(...result.faces.map(f => faceCard(f, 'Face')));
}

function sendFrame() {
  const video = $('camera-video');
  const socket = camera.socket;
  if (!socket || socket.readyState !== WebSocket.OPEN || camera.busy || !video.videoWidth) { if (camera.stream) requestAnimationFrame(sendFrame); return; }
  const scale = Math.min(1, 640 / video.videoWidth);
  grab.width = Math.round(video.videoWidth * scale); grab.height = Math.round(video.videoHeight * scale);
  grab.getContext('2d').drawImage(video, 0, 0, grab.width, grab.height);
  camera.busy = true;
  grab.toBlob(blob => {
    if (blob && camera.socket === socket && socket.readyState === WebSocket.OPEN) { socket.send(blob); camera.sent++; }
    else camera.busy = false;
  }, 'image/jpeg', 0.85);
}

async function startCamera() {
  const info = $('camera-info');
  try {
    camera.stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  } catch (e) { info.className = 'message error'; info.textContent = `no camera: ${e.message}`; return; }
  const video = $('camera-video');
  video.srcObject = camera.stream;
  $('stage').hidden = false;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/v1/stream${keyQuery('?')}`);
  camera.socket = socket; camera.sent = 0; camera.results = 0; camera.started = performance.now();
  socket.onopen = () => { info.className = 'message'; info.textContent = 'streaming'; requestAnimationFrame(sendFrame); };
  socket.onmessage = e => {
    camera.busy = false;
    const message = JSON.parse(e.data);
    if (message.type === 'result') {
      camera.results++;
      drawBoxes(message);
      pushTimeline(message.faces);
      const fps = camera.results / ((performance.now() - camera.started) / 1000);
      info.textContent = `streaming: ${message.faces.length} face(s), ${fps.toFixed(1)} frames/s, ${(message.seconds * 1000).toFixed(0)} ms a frame`;
    } else {
      info.className = 'message error'; info.textContent = message.detail;
    }
    requestAnimationFrame(sendFrame);
  };
  socket.onclose = e => {
    if (camera.socket === socket) { info.className = 'message error'; info.textContent = `stream closed${e.reason ? ': ' + e.reason : ''}`; stopCamera(); }
  };
  $('camera-button').textContent = 'Stop camera';
}

function stopCamera() {
  if (camera.stream) camera.stream.getTracks().forEach(t => t.stop());
  const socket = camera.socket;
  camera.stream = null; camera.socket = null; camera.busy = false;
  if (socket && socket.readyState === WebSocket.OPEN) socket.close(1000, 'stopped');
  $('camera-button').textContent = 'Use camera';
}

$('camera-button').addEventListener('click', () => (camera.stream ? stopCamera() : startCamera()));

// ---- Video: upload, then follow the job until its files can be downloaded.
async function uploadVideo() {
  const file = $('video-input').files[0];
  const state = $('video-state');
  if (!file) { state.textContent = 'choose a video first'; return; }
  $('video-button').disabled = true;
  $('video-files').replaceChildren();
  state.className = 'message'; state.textContent = 'uploading...';
  try {
    const response = await fetch('/v1/videos', { method: 'POST', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream', ...keyHeaders() } });
    if (!response.ok) { state.className = 'message error'; state.textContent = await problemText(response); return; }
    const job = await response.json();
    await followJob(job.id);
  } finally { $('video-button').disabled = false; }
}

async function followJob(id) {
  const state = $('video-state');
  const progress = $('video-progress');
  progress.hidden = false;
  for (;;) {
    const response = await fetch(`/v1/videos/${id}`, { headers: keyHeaders() });
    if (!response.ok) { state.className = 'message error'; state.textContent = await problemText(response); return; }
    const job = await response.json();
    progress.max = job.framesTotal || 1;
    progress.value = job.state === 'Succeeded' ? progress.max : job.framesDone;
    state.dataset.state = job.state;
    state.textContent = `${job.state}: ${job.framesDone}${job.framesTotal ? ' / ' + job.framesTotal : ''} frames`;
    if (job.state === 'Succeeded') {
      $('video-files').replaceChildren(...job.files.map(name => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `/v1/videos/${id}/files/${encodeURIComponent(name)}${keyQuery('?')}`;
        a.textContent = name; a.download = name;
        li.appendChild(a);
        return li;
      }));
      return;
    }
    if (job.state === 'Failed') { state.className = 'message error'; state.textContent = `failed: ${job.error}`; return; }
    await new Promise(r => setTimeout(r, 500));
  }
}

$('video-button').addEventListener('click', uploadVideo);

drawLegend();
checkReady();
