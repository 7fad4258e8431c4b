// Inference speed harness (not a unit test): writes a 640x480 video with one moving FER2013 face and
// measures decode only, decode + detect (the floor) and the end-to-end analyzer.
//   dotnet run -c Release --project bench/EmotionNet.Benchmarks.Inference [-- frames]
//   dotnet run -c Release --project bench/EmotionNet.Benchmarks.Inference -- probe <folder of 48x48 pngs>
using System.Diagnostics;
using System.Globalization;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Faces;
using EmotionNet.Inference.Sources;
using EmotionNet.Inference.Tests.Support;
using EmotionNet.Models;
using EmotionNet.Runtime;
using OpenCvSharp;

if (args.Length >= 2 && args[0] == "demo")
{
    // Two faces crossing, analyzed with the fake classifier and annotated: for eyeballing the outputs.
    var demo = Path.Combine(args[1], "demo.avi");
    Directory.CreateDirectory(args[1]);
    SyntheticScene.WriteVideo(demo, 90, 640, 480, 30, i => i < 70
        ? [("face1.png", new FaceBox(20 + i * 3, 150, 150, 150)), ("face2.png", new FaceBox(440 - i * 2, 100, 170, 170))]
        : [("face3.png", new FaceBox(250, 150, 160, 160))]);
    var report = await AnalysisRunner.RunAsync(new FakeClassifier(8), InputSource.FromPath(demo), AnalyzerOptions.Default, new OutputOptions(Path.Combine(args[1], "out"), Annotate: true));
    Console.WriteLine(report.Summary.ToTable());
    foreach (var f in report.Files) Console.WriteLine(f);
    using (var annotated = new VideoCapture(report.Files.Single(f => Path.GetFileNameWithoutExtension(f) == "annotated")))
    using (var still = new Mat())
    {
        annotated.Set(VideoCaptureProperties.PosFrames, 30);
        annotated.Read(still);
        Cv2.ImWrite(Path.Combine(args[1], "annotated-frame30.png"), still);
    }
    return 0;
}
if (args.Length >= 1 && args[0] == "predict")
{
    // Model cost alone: Predict on one face clip, by sequence length.
    foreach (var t in new[] { 1, 2, 4, 8 })
    {
        var checkpoint = UntrainedCheckpoint.Create(Path.Combine(Path.GetTempPath(), $"emotionnet-bench-untrained-t{t}.ckpt"), t);
        using var real = EmotionClassifier.Load(checkpoint, DeviceKind.Cpu);
        var clip = new byte[t * EmotionNet.Imaging.FaceImage.FrameBytes];
        new Random(1).NextBytes(clip);
        Measure($"Predict 1 clip, T={t}", () => { for (var i = 0; i < 30; i++) real.Predict(clip, 1); return 30; });
    }
    return 0;
}
if (args.Length >= 2 && args[0] == "probe")
{
    Probe(args[1]);
    return 0;
}

var frames = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
Console.WriteLine($"{Environment.ProcessorCount} cores, OpenCV threads {Cv2.GetNumThreads()}, torch threads {TorchSharp.torch.get_num_threads()}");
using var texture = new Mat(480, 640, MatType.CV_8UC3);
Cv2.Randu(texture, Scalar.All(0), Scalar.All(255));
Cv2.GaussianBlur(texture, texture, new Size(9, 9), 0);
foreach (var (label, background) in new[] { ("plain", (Mat?)null), ("textured", texture) })
{
    var path = Path.Combine(Path.GetTempPath(), $"emotionnet-bench-640x480-{label}.avi");
    SyntheticScene.WriteVideo(path, frames, 640, 480, 30, i => [("face1.png", new FaceBox(120 + (i % 200), 140, 160, 160))], background);
    Console.WriteLine($"--- {label} background: {path}, {frames} frames 640x480 MJPG, one 160x160 face");

    Measure("decode only", () =>
    {
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        using var m = new Mat();
        var n = 0;
        while (capture.Read(m) && !m.Empty()) n++;
        return n;
    });
    foreach (var scale in new[] { 1.0, 0.5 })
    {
        Measure($"decode + detect (scale {scale})", () =>
        {
            using var detector = new HaarFaceDetector(new DetectorOptions(DetectionScale: scale));
            using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
            using var m = new Mat();
            int n = 0, found = 0;
            while (capture.Read(m) && !m.Empty()) { n++; found += detector.Detect(m).Count; }
            Console.Write($"[{found} faces] ");
            return n;
        });
    }
    Measure("end to end, fake classifier", () => Analyze(new FakeClassifier(8), path));
    foreach (var t in new[] { 1, 8 })
    {
        var checkpoint = UntrainedCheckpoint.Create(Path.Combine(Path.GetTempPath(), $"emotionnet-bench-untrained-t{t}.ckpt"), t);
        using var real = EmotionClassifier.Load(checkpoint, DeviceKind.Cpu);
        Measure($"end to end, EmotionClassifier T={t}", () => Analyze(real, path));
    }
}
return 0;

static int Analyze(IEmotionClassifier classifier, string path)
{
    var analyzer = new EmotionAnalyzer(classifier);
    var n = 0;
    Task.Run(async () =>
    {
        await foreach (var r in analyzer.AnalyzeAsync(InputSource.FromPath(path), AnalyzerOptions.Default)) n++;
    }).GetAwaiter().GetResult();
    return n;
}

static void Measure(string name, Func<int> run)
{
    run(); // warm-up (native loads, caches)
    var clock = Stopwatch.StartNew();
    var n = run();
    clock.Stop();
    Console.WriteLine($"{name,-36} {n} frames in {clock.Elapsed.TotalSeconds:0.00} s = {n / clock.Elapsed.TotalSeconds:0.0} fps ({clock.Elapsed.TotalMilliseconds / n:0.0} ms/frame)");
}

static void Probe(string folder)
{
    using var detector = new HaarFaceDetector();
    foreach (var file in Directory.GetFiles(folder, "*.png").Order())
    {
        using var face = Cv2.ImRead(file, ImreadModes.Grayscale);
        var results = new List<string>();
        foreach (var side in new[] { 120, 160, 200 })
        {
            var box = new FaceBox(200, 120, side, side);
            using var frame = SyntheticScene.Compose(640, 480, [(face, box)]);
            var found = detector.Detect(frame);
            var best = found.Count == 0 ? 0 : found.Max(b => b.IntersectionOverUnion(box));
            results.Add($"{side}:{found.Count}/{best:0.00}");
        }
        Console.WriteLine($"{Path.GetFileName(file)} {string.Join(' ', results)}");
    }
}
