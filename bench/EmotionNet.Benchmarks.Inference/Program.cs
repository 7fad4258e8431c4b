// Inference benchmarks (not unit tests). One mode per run, so each can be run alone:
//   dotnet bench/EmotionNet.Benchmarks.Inference/bin/Release/net10.0/EmotionNet.Benchmarks.Inference.dll MODE [--doc FILE] [--images DIR] [--quick]
// MODE: profile | latency | e2e | growth | memory | tracking | tracking-real | detection | alignment | onnx | temporal | onset, or 'videos DIR [COUNT] [SECONDS]'
// to write 640x480 test clips. detection, alignment and tracking-real read
// the labelled real photos (--photos DIR, default /work/shared/datasets/faces-dlib-train) and alignment
// FER2013 (--fer FILE, default /work/shared/datasets/fer2013/fer2013.csv.gz). --doc rewrites that mode's section of FILE
// (docs/benchmarks-inference.md); --quick runs a small version for development (its section says so).
// temporal and onset take --clips N (stability and cut clips each) and onset --onset-clips N (onsets per ramp shape), to size
// a run to the time a loaded machine leaves; the section states the counts used.
// bench/run-inference-benchmarks.sh runs every mode and refreshes the doc.
using EmotionNet.Core.Runtime;
using EmotionNet.Torch;
using EmotionNet.Torch.Runtime;
using EmotionNet.Vision;
using OpenCvSharp;

var modes = new[] { "profile", "latency", "e2e", "growth", "memory", "tracking", "tracking-real", "detection", "alignment", "onnx", "temporal", "onset", "videos" };
if (args.Length >= 2 && args[0] == "videos")
{
    // Test data for batch runs (eng/slurm-test.sh, docs/scale-out.md): videos DIR [COUNT] [SECONDS].
    OpenCvRuntime.Ensure();
    var count = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    var seconds = args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 10;
    foreach (var video in Scenes.WriteClips(args[1], count, seconds)) Console.WriteLine(video);
    return 0;
}
if (args.Length == 0 || !modes.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: EmotionNet.Benchmarks.Inference <{string.Join('|', modes)}> [--doc FILE] [--images DIR] [--quick]");
    return 2;
}
var mode = args[0];
var quick = args.Contains("--quick");
string? Value(string flag) => Array.IndexOf(args, flag) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var doc = Value("--doc");
int Count(string flag, int full, int small) => Value(flag) is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : quick ? small : full;
var images = Value("--images") ?? Path.Combine(Path.GetTempPath(), "emotionnet-bench-images");
NativeRuntime.EnsureTorch();
OpenCvRuntime.Ensure();
Cv2.SetLogLevel(OpenCvSharp.LogLevel.SILENT);
var command = "dotnet bench/EmotionNet.Benchmarks.Inference/bin/Release/net10.0/EmotionNet.Benchmarks.Inference.dll " + string.Join(' ', args);
var report = new Report(mode, command);
if (report.DocProblem(doc) is { } problem)
{
    Console.Error.WriteLine(problem);
    return 2;
}
if (quick) report.Line("**Provisional: a `--quick` run (small sizes, few repeats), for development only.**").Line();
var clock = System.Diagnostics.Stopwatch.StartNew();
// What 'analyze' gives the model (the analyzer asks for it per run too; latency and profile call the model directly).
using var modelThreads = TorchThreads.Use(EmotionNet.Inference.Analysis.AnalyzerOptions.SuggestedModelThreads);

switch (mode)
{
    case "profile":
    {
        using var shipped = Shipped();
        ProfileBench.Run(report, quick ? 60 : 300, shipped);
        break;
    }
    case "latency":
        LatencyBench.Run(report, quick ? 3 : 5, quick ? 5 : 40);
        break;
    case "e2e":
        EndToEndBench.Run(report, quick ? 60 : 120, quick ? 2 : 5);
        break;
    case "onnx":
        OnnxBench.Run(report, quick ? 3 : 5, quick ? 60 : 120, quick ? 2 : 3);
        break;
    case "growth":
    {
        using var shipped = Shipped();
        GrowthBench.Run(report, quick ? [50, 100, 200] : [200, 400, 800, 1600], [1, 2, 4], quick ? 100 : 400, shipped);
        break;
    }
    case "detection":
        DetectionBench.Run(report, Value("--photos") ?? DlibFaces.DefaultFolder);
        break;
    case "alignment":
        AlignmentBench.Run(report, Value("--photos") ?? DlibFaces.DefaultFolder, Value("--fer") ?? "/work/shared/datasets/fer2013/fer2013.csv.gz",
            Path.Combine(Value("--images") ?? "docs/images", "alignment-vs-fer2013.png"), quick ? 600 : int.MaxValue);
        break;
    case "memory":
    {
        using var shipped = Shipped();
        MemoryBench.Run(report, quick ? 1000 : 10_000, 1, quick ? 100 : 250, images, shipped);
        break;
    }
    case "temporal":
        TemporalStrip.Write(Value("--fer") ?? "/work/shared/datasets/fer2013/fer2013.csv.gz", Path.Combine(Value("--images") ?? "docs/images", "temporal-clips.png"));
        if (args.Contains("--strip-only")) break; // the picture of docs/data.md only
        // docs/temporal.md: --temporal FILE is the train-temporal model (default the shipped temporal checkpoint).
        TemporalBench.Run(report, Value("--fer") ?? "/work/shared/datasets/fer2013/fer2013.csv.gz", Value("--temporal") ?? "checkpoints/emotionnet-fer7-temporal.ckpt",
            Path.Combine(Value("--images") ?? "docs/images", "temporal-responsiveness.png"), Count("--clips", 250, 40), 2026);
        break;
    case "onset":
        // docs/temporal.md: the candidates for the default following, on PublicTest onsets, stability and cut clips.
        OnsetBench.Run(report, Value("--fer") ?? "/work/shared/datasets/fer2013/fer2013.csv.gz", Value("--temporal") ?? "checkpoints/emotionnet-fer7-temporal.ckpt",
            Path.Combine(Value("--images") ?? "docs/images", "temporal-onset.png"), Count("--onset-clips", 1000, 150), Count("--clips", 250, 40), 2027);
        break;
    case "tracking":
        TrackingBench.Run(report, quick ? [1] : [1, 2, 3], quick ? 150 : 300);
        break;
    case "tracking-real":
        RealPhotoScenes.PreviewFolder = Value("--images"); // the frames with the hand, truth boxes drawn (red: hidden), to look at
        TrackingBench.RunReal(report, Value("--photos") ?? DlibFaces.DefaultFolder, quick ? 90 : 180);
        break;
}
report.Line($"Mode `{mode}` took {clock.Elapsed.TotalSeconds:0} s.");
report.Publish(doc);
return 0;

static EmotionClassifier Shipped() => EmotionClassifier.LoadShipped(DeviceKind.Cpu);
