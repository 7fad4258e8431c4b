using System.Globalization;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Runtime;
using EmotionNet.Inference.Analysis;
using EmotionNet.OnnxRuntime;
using EmotionNet.TestSupport;
using EmotionNet.Torch;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

// The serving benchmark (docs/benchmarks-serving.md): the real 'emotionnet serve' on loopback, N clients posting
// one 640x480 JPEG with one face to /v1/analyze back to back, against the in-process EmotionAnalyzer on the same
// image: one image per call (the baseline for one client sending one image at a time) and a folder streamed
// (decoding overlapping the model). In-process and server runs alternate, repeated, so that each ratio compares
// runs made a minute apart on a shared machine; medians and ranges over the repetitions are reported.
//   dotnet run --project bench/EmotionNet.Benchmarks.Serving -c Release -- [--clients 1,2] [--seconds 10] [--repeat 5] [--backend onnx|torch]
//   dotnet run --project bench/EmotionNet.Benchmarks.Serving -c Release -- --thread-safety   (may one classifier or detector be shared?)
//   dotnet run --project bench/EmotionNet.Benchmarks.Serving -c Release -- --torch-threads   (is libtorch's thread count process-wide?)
var clients = Arg("--clients", "1,2").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var duration = TimeSpan.FromSeconds(double.Parse(Arg("--seconds", "10"), CultureInfo.InvariantCulture));
var repeat = int.Parse(Arg("--repeat", "5"), CultureInfo.InvariantCulture);
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
if (args.Contains("--torch-threads"))
{
    using var loaded = EmotionClassifier.LoadShipped(DeviceKind.Cpu); // loads libtorch
    TorchThreadCheck.Run();
    return 0;
}

using var work = new TempFolder();
var imagePath = work.File("face.jpg");
var image = Scene(imagePath);
var folder = Directory.CreateDirectory(work.File("folder")).FullName;
for (var i = 0; i < 2000; i++) File.Copy(imagePath, Path.Combine(folder, $"{i:D4}.jpg"));
Console.WriteLine($"# Serving benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, load average at start {Load()}.");
Console.WriteLine($"Input: one 640x480 JPEG ({image.Length:N0} bytes) with one face (a FER2013 face pasted at 240 px), the shipped model on the CPU ({backend}, in process and in the server), YuNet.");
Console.WriteLine($"Runs: {repeat} repetitions of {duration.TotalSeconds:F0} s per mode, in-process and server modes alternating; client counts {string.Join(", ", clients)}.");
Console.WriteLine();

using var classifier = backend == "torch" ? (IDisposable)EmotionClassifier.LoadShipped(DeviceKind.Cpu) : OnnxEmotionClassifier.LoadShipped();
var model = (IEmotionClassifier)classifier;
using var analyzer = new EmotionAnalyzer(model);
await InProcess.ImagesAsync(analyzer, imagePath, TimeSpan.FromSeconds(3)); // warm-up
using var server = await ServerProcess.StartAsync(work.File("jobs"), "--rate", "100000", "--backend", backend);
using (var http = new HttpClient { BaseAddress = server.Address })
{
    while (!(await http.GetAsync("/readyz")).IsSuccessStatusCode) await Task.Delay(200);
}
await LoadResult.RunAsync(server, image, 1, TimeSpan.FromSeconds(3)); // warm-up

// Each repetition alternates: per image, server (first client count), folder, server (second), ..., new analyzer per call;
// every other repetition runs them in the reverse order, so that a load that rises or falls through a repetition favours neither side.
var inProcess = new (string Name, Func<Task<Rate>> Run)[]
{
    ("per image", () => InProcess.ImagesAsync(analyzer, imagePath, duration)),
    ("folder", () => InProcess.FolderAsync(analyzer, folder, duration)),
    ("new analyzer each", () => InProcess.NewAnalyzerEachAsync(model, imagePath, duration)),
};
var repetitions = new List<Repetition>();
for (var r = 0; r < repeat; r++)
{
    var load = Load();
    var local = new Dictionary<string, Rate>();
    var served = new Dictionary<int, LoadResult>();
    var steps = new List<Func<Task>>();
    for (var step = 0; step < Math.Max(inProcess.Length, clients.Length); step++)
    {
        var (mode, n) = (step < inProcess.Length ? inProcess[step] : default, step < clients.Length ? clients[step] : 0);
        if (mode.Run is not null) steps.Add(async () => local[mode.Name] = await mode.Run());
        if (n > 0) steps.Add(async () => served[n] = await LoadResult.RunAsync(server, image, n, duration));
    }
    if (r % 2 == 1) steps.Reverse();
    foreach (var step in steps) await step();
    repetitions.Add(new Repetition(load, local, served));
    Console.Error.WriteLine($"repetition {r + 1}/{repeat} done (load {load})");
}
ServingReport.Write(repetitions, clients);
Console.WriteLine($"Load average at the end: {Load()}.");
return repetitions.Sum(r => r.Served.Values.Sum(s => s.Errors)) == 0 ? 0 : 1;

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
