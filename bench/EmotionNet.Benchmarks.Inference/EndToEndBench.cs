using System.Diagnostics;
using System.Globalization;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Faces;
using EmotionNet.Inference.Sources;
using EmotionNet.Models;
using OpenCvSharp;

/// <summary>
/// Frames per second on a 640x480 video with one and four faces: decode alone, the Haar floor (decode +
/// detect every frame) and the whole analyzer (decode, detect, track, crop, model, smoothing), before and
/// after this round's changes, each against the floor measured in the same run.
/// </summary>
internal static class EndToEndBench
{
    public static void Run(Report report, int frames, int repeats)
    {
        using var shipped = File.Exists(Models.Shipped) ? EmotionClassifier.Load(Models.Shipped, EmotionNet.Runtime.DeviceKind.Cpu) : Models.Untrained(1);
        using var t4 = Models.Untrained(4);
        var before = new AnalyzerOptions { DetectEvery = 1 };
        var now = AnalyzerOptions.Default;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var faces in new[] { 1, 4 })
        {
            var path = Scenes.Video(faces, frames);
            var decode = Measure(repeats, () => Decode(path));
            var floor = Measure(repeats, () => DecodeDetect(path));
            void Row(string name, Stats s, bool ratio = true) => rows.Add([
                $"{faces}", name,
                s.Format("0.0"),
                (1000 / s.Median).ToString("0.0", CultureInfo.InvariantCulture),
                ratio ? (floor.Median / s.Median).ToString("0.00", CultureInfo.InvariantCulture) : "",
            ]);
            Row("decode only", decode, ratio: false);
            Row("**floor**: decode + Haar on every frame (default detector)", floor);
            Row("analyze, shipped T=1, before (detect every frame)", Measure(repeats, () => Analyze(shipped, path, before)));
            Row($"analyze, shipped T=1, **defaults** (detect every {now.DetectEvery})", Measure(repeats, () => Analyze(shipped, path, now)));
            Row("analyze, T=4, before (whole clips, detect every frame)", Measure(repeats, () => Analyze(new WholeClipClassifier(t4), path, before)));
            Row($"analyze, T=4, **defaults** (cached features, detect every {now.DetectEvery})", Measure(repeats, () => Analyze(t4, path, now)));
            Console.WriteLine(string.Join('\n', rows.TakeLast(6).Select(r => string.Join(" | ", r))));
        }
        report.Line($"Room backdrop, {frames} frames of 640x480 MJPG, one face of 160 px or four of 120 px. fps = median (min-max) over {repeats} runs after a warm-up; ms/frame from the median; \"x floor\" = speed relative to the Haar floor of the same run (> 1: faster than detecting every frame).").Line()
            .Table(["faces", "what", "fps", "ms/frame", "x floor"], rows);
    }

    private static Stats Measure(int repeats, Func<int> run)
    {
        run(); // warm-up: native loads, caches, JIT
        var fps = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            var n = run();
            fps.Add(n / clock.Elapsed.TotalSeconds);
        }
        return Stats.Of(fps);
    }

    private static int Decode(string path)
    {
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        using var m = new Mat();
        var n = 0;
        while (capture.Read(m) && !m.Empty()) n++;
        return n;
    }

    private static int DecodeDetect(string path)
    {
        using var detector = new HaarFaceDetector(AnalyzerOptions.Default.Detector);
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        using var m = new Mat();
        var n = 0;
        while (capture.Read(m) && !m.Empty()) { detector.Detect(m); n++; }
        return n;
    }

    public static int Analyze(IEmotionClassifier classifier, string path, AnalyzerOptions options)
    {
        var analyzer = new EmotionAnalyzer(classifier);
        var n = 0;
        Task.Run(async () =>
        {
            await foreach (var r in analyzer.AnalyzeAsync(InputSource.FromPath(path), options)) n++;
        }).GetAwaiter().GetResult();
        return n;
    }
}
