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
// As 'emotionnet analyze' does: the model gets half the cores, the detector stage runs beside it.
TorchSharp.torch.set_num_threads(Math.Max(1, Environment.ProcessorCount / 2));
Console.WriteLine($"{Environment.ProcessorCount} cores, OpenCV threads {Cv2.GetNumThreads()}, torch threads {TorchSharp.torch.get_num_threads()}");
var wanted = args.Length > 1 ? args[1].Split(',') : ["plain", "room", "noise"];
using var noise = new Mat(480, 640, MatType.CV_8UC3);
Cv2.Randu(noise, Scalar.All(0), Scalar.All(255));
Cv2.GaussianBlur(noise, noise, new Size(9, 9), 0);
using var room = Room();
foreach (var (label, background) in new[] { ("plain", (Mat?)null), ("room", room), ("noise", noise) }.Where(b => wanted.Contains(b.Item1)))
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
    Measure("end to end, fake classifier", () => Analyze(new FakeClassifier(8), path, AnalyzerOptions.Default));
    foreach (var t in new[] { 1, 4, 8 })
    {
        var checkpoint = UntrainedCheckpoint.Create(Path.Combine(Path.GetTempPath(), $"emotionnet-bench-untrained-t{t}.ckpt"), t);
        using var real = EmotionClassifier.Load(checkpoint, DeviceKind.Cpu);
        Measure($"end to end, model T={t}", () => Analyze(real, path, AnalyzerOptions.Default));
        Measure($"end to end, model T={t}, detect-every 2", () => Analyze(real, path, new AnalyzerOptions { DetectEvery = 2 }));
    }
}
return 0;

// A room-like backdrop: a lit wall gradient, a door, a shelf, a window, a picture, mild sensor noise.
static Mat Room()
{
    var m = new Mat(480, 640, MatType.CV_8UC3);
    for (var y = 0; y < 480; y++)
        Cv2.Line(m, new Point(0, y), new Point(639, y), new Scalar(150 + y / 8, 160 + y / 10, 170 + y / 12));
    Cv2.Rectangle(m, new Rect(20, 60, 90, 420), new Scalar(60, 80, 110), -1);
    Cv2.Circle(m, new Point(95, 280), 6, new Scalar(200, 200, 200), -1);
    Cv2.Rectangle(m, new Rect(430, 40, 180, 130), new Scalar(235, 225, 205), -1);
    Cv2.Line(m, new Point(520, 40), new Point(520, 170), new Scalar(90, 90, 90), 4);
    Cv2.Line(m, new Point(430, 105), new Point(610, 105), new Scalar(90, 90, 90), 4);
    Cv2.Rectangle(m, new Rect(470, 300, 150, 20), new Scalar(40, 60, 90), -1);
    for (var i = 0; i < 8; i++) Cv2.Rectangle(m, new Rect(475 + i * 18, 250 + (i % 3) * 6, 14, 50 - (i % 3) * 6), new Scalar(40 + i * 25, 200 - i * 15, 90 + i * 10), -1);
    Cv2.Rectangle(m, new Rect(320, 40, 80, 60), new Scalar(30, 120, 160), -1);
    using var grain = new Mat(480, 640, MatType.CV_8UC3);
    Cv2.Randn(grain, Scalar.All(0), Scalar.All(6));
    Cv2.Add(m, grain, m);
    return m;
}

static int Analyze(IEmotionClassifier classifier, string path, AnalyzerOptions options)
{
    var analyzer = new EmotionAnalyzer(classifier);
    var n = 0;
    Task.Run(async () =>
    {
        await foreach (var r in analyzer.AnalyzeAsync(InputSource.FromPath(path), options)) n++;
    }).GetAwaiter().GetResult();
    return n;
}

static void Measure(string name, Func<int> run)
{
    run(); // warm-up (native loads, caches)
    var clock = Stopwatch.StartNew();
    var n = run();
    clock.Stop();
    Console.WriteLine($"{name,-44} {n} frames in {clock.Elapsed.TotalSeconds:0.00} s = {n / clock.Elapsed.TotalSeconds:0.0} fps ({clock.Elapsed.TotalMilliseconds / n:0.0} ms/frame)");
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
