"""GPU ablation and distillation batch for issue 26, run on a lent H200 (docs/gpu.md, "The ablation batch").

Call 1 (`ablation.py calibrate`): the nine phase-A runs for 2 epochs on PublicTest faces, to measure frames/s
with the machine shared as in phase A; writes calibration.json. Call 2 (`ablation.py`), on the same warm machine:
Phase A: ablation arms of the default 1.4 M model and two 5.5 M teachers, all at once, their epochs sized from
the calibration so that they end by about 55 % of DEADLINE (the arms all get the same epochs: the same budget).
Phase B: students distilled from the two teachers, their epochs sized to the time left.
Everything stops by DEADLINE seconds after start (SIGINT first, so each run writes last.ckpt and its reports);
outputs are packed into $OUT (at most 8 files of 16 MB: logs, and best.ckpt files two to a tar).
"""
import csv, glob, json, lzma, os, shutil, subprocess, sys, tarfile, time

START = time.time()
DEADLINE = float(os.environ.get("DEADLINE", "470"))
OUT = os.environ["OUT"]
ROOT = os.environ.get("EMO_ROOT", "/root/emo")
CLI = os.environ.get("EMO_CLI", f"{ROOT}/cli/emotionnet")
DATA = f"{ROOT}/fer2013.csv"
RUNS = f"{ROOT}/runs"

def now(): return time.time() - START
def log(msg): print(f"[{now():6.1f}s] {msg}", flush=True)

def build_data():
    if os.environ.get("LOCAL_CSV"):
        shutil.copy(os.environ["LOCAL_CSV"], DATA)
        return
    parts = sorted(glob.glob(f"{ROOT}/part-*")) + sorted(glob.glob(".gpu/p2/part-*"))
    log(f"data parts: {[os.path.basename(p) + ':' + str(os.path.getsize(p)) for p in parts]}")
    blob = b"".join(open(p, "rb").read() for p in parts)
    training = lzma.decompress(blob)
    public = lzma.decompress(open(f"{ROOT}/PublicTest.bin.xz", "rb").read())
    with open(DATA, "w") as f:
        f.write("emotion,pixels,Usage\n")
        for data, usage in ((training, "Training"), (public, "PublicTest")):
            for i in range(0, len(data), 2305):
                f.write(f"{data[i]},{' '.join(map(str, data[i + 1:i + 2305]))},{usage}\n")
    log(f"csv written: {len(training) // 2305} training, {len(public) // 2305} publictest rows")

def common(): return [*os.environ.get("EXTRA", "").split(), "--data", DATA, "--device", os.environ.get("DEVICE", "cuda"), "--precision", "fp32", "--threads", "1", "--workers", "2", "--seq-len", "1"]
REAL = ["--augment", "real-photos", "--stretch-contrast"]
BIG = ["--conv-widths", "64,128,256,512"]
PHASE_A = {
    "a0-baseline": [],
    "a1-stretch": ["--stretch-contrast"],
    "a2-real": ["--augment", "real-photos"],
    "a3-real-stretch": REAL,
    "a4-real-stretch-la": REAL + ["--logit-adjustment", "1"],
    "a5-real-stretch-ema": REAL + ["--weight-average", "0.999"],
    "a6-real-stretch-la-ema": REAL + ["--logit-adjustment", "1", "--weight-average", "0.999"],
    "t1-big": BIG + REAL + ["--logit-adjustment", "1", "--weight-average", "0.999", "--seed", "11"],
    "t2-big3": BIG + REAL + ["--convs-per-block", "3", "--logit-adjustment", "1", "--weight-average", "0.999", "--seed", "12"],
}
EPOCHS_A = int(os.environ.get("EPOCHS_A", "30"))
EPOCHS_T = EPOCHS_A

def start(name, flags, epochs):
    os.makedirs(f"{RUNS}/{name}", exist_ok=True)
    out = open(f"{RUNS}/{name}/stdout.log", "w")
    cmd = [CLI, "train", *common(), "--out", f"{RUNS}/{name}", "--epochs", str(epochs), *flags]
    log(f"start {name}: {' '.join(cmd[2:])}")
    return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=os.environ | {"TERM": "dumb", "NO_COLOR": "1"})

def epochs_done(name):
    path = f"{RUNS}/{name}/epochs.csv"
    if not os.path.exists(path): return []
    with open(path) as f: return list(csv.DictReader(f))

def calibrate():
    """Call 1: nine phase-A runs for 2 epochs on PublicTest faces, to measure frames/s with the machine shared as in phase A."""
    global RUNS, DATA
    RUNS, DATA = f"{ROOT}/calib", f"{ROOT}/calib.csv"
    os.makedirs(RUNS, exist_ok=True)
    public = lzma.decompress(open(f"{ROOT}/PublicTest.bin.xz", "rb").read())
    with open(DATA, "w") as f:
        f.write("emotion,pixels,Usage\n")
        for usage, stop in (("Training", len(public)), ("PublicTest", min(len(public), 300 * 2305))):
            for i in range(0, stop, 2305):
                f.write(f"{public[i]},{' '.join(map(str, public[i + 1:i + 2305]))},{usage}\n")
    procs = {n: start(n, f, 2) for n, f in PHASE_A.items()}
    t = time.time()
    while any(p.poll() is None for p in procs.values()) and time.time() - t < 150: time.sleep(1)
    for p in procs.values():
        if p.poll() is None: p.kill()
    rates = {}
    for n in procs:
        rows = epochs_done(n)
        rates[n] = float(rows[-1]["frames_per_second"]) if rows else 0.0
        log(f"calibration {n}: {len(rows)} epochs, {rates[n]:.0f} frames/s; tail: {open(f'{RUNS}/{n}/stdout.log').read()[-300:]!r}")
    json.dump(rates, open(f"{ROOT}/calibration.json", "w"))
    shutil.copy(f"{ROOT}/calibration.json", f"{OUT}/calibration.json")

def choose_epochs():
    """Phase A's epochs from the calibration: the arms and the teachers each end by about 55 % of the deadline."""
    global EPOCHS_A, EPOCHS_T
    path = f"{ROOT}/calibration.json"
    if not os.path.exists(path): return
    rates = json.load(open(path))
    if not all(r > 0 for r in rates.values()):
        log(f"calibration incomplete ({rates}); keeping {EPOCHS_A} epochs")
        return
    budget = 0.55 * DEADLINE - now() - 40  # each run also parses the CSV first
    small = min(r for n, r in rates.items() if n.startswith("a"))
    big = min(r for n, r in rates.items() if n.startswith("t"))
    EPOCHS_A = max(5, min(40, int(budget * small / 28709)))
    EPOCHS_T = max(5, min(40, int(budget * big / 28709)))
    log(f"calibration {small:.0f} / {big:.0f} frames/s (arms / teachers), {budget:.0f} s -> {EPOCHS_A} / {EPOCHS_T} epochs")

def main():
    os.makedirs(RUNS, exist_ok=True)
    build_data()
    choose_epochs()
    smi = subprocess.Popen(["nvidia-smi", "dmon", "-s", "um", "-d", "5"], stdout=open(f"{RUNS}/nvidia-smi.log", "w"), stderr=subprocess.STDOUT) if shutil.which("nvidia-smi") else subprocess.Popen(["sleep", "1"])
    procs = {n: start(n, f, EPOCHS_T if n.startswith("t") else EPOCHS_A) for n, f in PHASE_A.items()}
    students, last_report = {}, 0
    while True:
        time.sleep(2)
        if now() - last_report > 30:
            last_report = now()
            log("progress: " + ", ".join(f"{n}={len(epochs_done(n))}" for n in list(procs) + list(students)))
        teachers_done = all(procs[t].poll() is not None for t in ("t1-big", "t2-big3"))
        if teachers_done and not students:
            rows = [r for n in ("a0-baseline", "a3-real-stretch") for r in epochs_done(n)]
            # Seconds per epoch of a small model while nine runs shared the machine; students run with fewer.
            per_epoch = max(float(r.get("seconds", 10)) for r in rows[-4:]) if rows else 10
            left = DEADLINE - now() - 25
            epochs = max(3, min(60, int(left / (per_epoch * 1.6))))
            teachers = [f"{RUNS}/t1-big/best.ckpt", f"{RUNS}/t2-big3/best.ckpt"]
            log(f"teachers done; {per_epoch:.1f} s/epoch measured, {left:.0f} s left -> students of {epochs} epochs")
            distill = REAL + ["--logit-adjustment", "1", "--weight-average", "0.999", "--teachers", *teachers]
            students["s1-distilled"] = start("s1-distilled", distill, epochs)
            students["s2-distilled-wide"] = start("s2-distilled-wide", ["--conv-widths", "48,96,192,384"] + distill, epochs)
        everything = list(procs.values()) + list(students.values())
        if all(p.poll() is not None for p in everything) and students: break
        if now() > DEADLINE:
            log("deadline: stopping what still runs (SIGINT, so last.ckpt and reports are written)")
            for p in everything:
                if p.poll() is None: p.send_signal(2)
            t = time.time()
            while any(p.poll() is None for p in everything) and time.time() - t < 20: time.sleep(1)
            for p in everything:
                if p.poll() is None: p.kill()
            break
    smi.terminate()
    for n, p in (procs | students).items(): log(f"{n}: exit {p.returncode}, {len(epochs_done(n))} epochs")
    pack()

def pack():
    with tarfile.open(f"{OUT}/logs.tar.gz", "w:gz") as t:
        for path in glob.glob(f"{RUNS}/**/*", recursive=True):
            if path.endswith((".csv", ".json", ".log", ".png")): t.add(path, arcname=os.path.relpath(path, RUNS))
    groups = [["a0-baseline", "a1-stretch"], ["a2-real", "a3-real-stretch"], ["a4-real-stretch-la", "a5-real-stretch-ema"],
              ["a6-real-stretch-la-ema", "s1-distilled"], ["s2-distilled-wide"]]
    for i, group in enumerate(groups):
        with tarfile.open(f"{OUT}/ckpt{i}.tar", "w") as t:
            for n in group:
                path = f"{RUNS}/{n}/best.ckpt"
                if os.path.exists(path): t.add(path, arcname=f"{n}/best.ckpt")
    log("packed: " + ", ".join(f"{os.path.basename(p)} {os.path.getsize(p) / 1e6:.1f} MB" for p in glob.glob(f"{OUT}/*")))

if __name__ == "__main__":
    calibrate() if sys.argv[1:] == ["calibrate"] else main()
