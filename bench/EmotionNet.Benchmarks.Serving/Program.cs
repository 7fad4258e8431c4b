using System.Diagnostics;
using System.Globalization;
using EmotionNet.Core.Classifiers;
using EmotionNet.Inference.Analysis;
using EmotionNet.OnnxRuntime;
using EmotionNet.Torch;
using EmotionNet.Core.Runtime;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;
using OpenCvSharp;

// The serving benchmark (docs/benchmarks-serving.md): the real 'emotionnet serve' on loopback, N clients posting
// one 640x480 JPEG with one face to /v1/analyze for a bounded time each; images per second, latency percentiles,
// errors and the server's RSS over time; and, on the same image, in-process EmotionAnalyzer throughput.
//   dotnet run --project bench/EmotionNet.Benchmarks.Serving -c Release -- [--clients 1,2,4] [--seconds 20] [--backend onnx|torch]
//   dotnet run --project bench/EmotionNet.Benchmarks.Serving -c Release -- --thread-safety   (may one classifier or detector be shared?)
var clients = Arg("--clients", "1,2,4").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var seconds = double.Parse(Arg("--seconds", "20"), CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(seconds);
// The same backend on both sides: 'serve' runs the shipped model on ONNX Runtime unless told --backend torch.
var backend = Arg("--backend", "onnx");
if (args.Contains("--thread-safety"))
{
    using var shared = EmotionClassifier.LoadShipped(DeviceKind.Cpu);
    ThreadSafetyCheck.Run(shared, threads: 4, rounds: 50);
    using var onnx = OnnxEmotionClassifier.LoadShipped();
    ThreadSafetyCheck.RunClassifier(onnx, threads: 4, rounds: 50);
    return 0;
}

using var work = new TempFolder();
var image = Scene(work.File("face.jpg"));
Console.WriteLine($"# Serving benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, load average at start {Load()}.");
Console.WriteLine($"Input: one 640x480 JPEG ({image.Length:N0} bytes) with one face (a FER2013 face pasted at 240 px), the shipped model on the CPU ({backend}, in process and in the server), YuNet.");
Console.WriteLine();

// In process: the library a developer calls, on the same image, one after the other.
using var classifier = backend == "torch" ? (IDisposable)EmotionClassifier.LoadShipped(DeviceKind.Cpu) : OnnxEmotionClassifier.LoadShipped();
using var analyzer = new EmotionAnalyzer((IEmotionClassifier)classifier);
await InProcessImagesAsync(analyzer, work.File("face.jpg"), TimeSpan.FromSeconds(3)); // warm-up
var perImage = await InProcessImagesAsync(analyzer, work.File("face.jpg"), duration);
var folder = Directory.CreateDirectory(work.File("folder")).FullName;
for (var i = 0; i < 400; i++) File.Copy(work.File("face.jpg"), Path.Combine(folder, $"{i:D4}.jpg"));
var streamed = await InProcessFolderAsync(analyzer, folder, duration);
Console.WriteLine("| in process | images/s |");
Console.WriteLine("|---|---:|");
Console.WriteLine($"| `EmotionAnalyzer.AnalyzeImageAsync`, one image per call | {perImage:F1} |");
Console.WriteLine($"| `EmotionAnalyzer.AnalyzeAsync` over a folder of copies (one detector for the run) | {streamed:F1} |");
Console.WriteLine();

using var server = await ServerProcess.StartAsync(work.File("jobs"), "--rate", "100000", "--backend", backend);
using (var http = new HttpClient { BaseAddress = server.Address })
{
    while (!(await http.GetAsync("/readyz")).IsSuccessStatusCode) await Task.Delay(200);
}
await LoadResult.RunAsync(server, image, 1, TimeSpan.FromSeconds(3)); // warm-up
var results = new List<LoadResult>();
foreach (var n in clients) results.Add(await LoadResult.RunAsync(server, image, n, duration));

Console.WriteLine("| clients | requests | errors | images/s | p50 ms | p95 ms | p99 ms | server RSS MB (first, last, max) | vs AnalyzeImageAsync | vs folder |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
foreach (var r in results)
{
    var rss = r.Rss.Select(s => s.RssMb).ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Clients} | {r.Requests} | {r.Errors} | {r.ImagesPerSecond:F1} | {r.Percentile(50):F0} | {r.Percentile(95):F0} | {r.Percentile(99):F0} | {rss[0]:F0}, {rss[^1]:F0}, {rss.Max():F0} | {r.ImagesPerSecond / perImage:F2} | {r.ImagesPerSecond / streamed:F2} |"));
}
Console.WriteLine();
Console.WriteLine("Server RSS each second (MB), per run:");
Console.WriteLine();
foreach (var r in results)
    Console.WriteLine($"- {r.Clients} client(s): {string.Join(' ', r.Rss.Select(s => s.RssMb.ToString("F0", CultureInfo.InvariantCulture)))}");
Console.WriteLine();
Console.WriteLine($"Load average at the end: {Load()}.");
return results.Sum(r => r.Errors) == 0 ? 0 : 1;

static async Task<double> InProcessImagesAsync(EmotionAnalyzer analyzer, string path, TimeSpan duration)
{
    var clock = Stopwatch.StartNew();
    var count = 0;
    while (clock.Elapsed < duration)
    {
        var frame = await analyzer.AnalyzeImageAsync(path);
        if (frame.Faces.Count != 1) throw new InvalidOperationException($"Expected one face, found {frame.Faces.Count}.");
        count++;
    }
    return count / clock.Elapsed.TotalSeconds;
}

static async Task<double> InProcessFolderAsync(EmotionAnalyzer analyzer, string folder, TimeSpan duration)
{
    using var stop = new CancellationTokenSource(duration);
    var clock = Stopwatch.StartNew();
    var count = 0;
    try
    {
        await foreach (var frame in analyzer.AnalyzeAsync(InputSource.FromFolder(folder), cancellationToken: stop.Token)) count++;
    }
    catch (OperationCanceledException)
    {
    }
    return count / clock.Elapsed.TotalSeconds;
}

static byte[] Scene(string path)
{
    using var face = SyntheticScene.LoadFace("face1.png");
    using var frame = SyntheticScene.Compose(640, 480, [(face, new FaceBox(200, 120, 240, 240))]);
    Cv2.ImWrite(path, frame, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
    return File.ReadAllBytes(path);
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
