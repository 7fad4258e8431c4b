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
            void Row(string name, (Stats Fps, double Faces) s, bool ratio = true) => rows.Add([
                $"{faces}", name,
                s.Fps.Format("0.0"),
                (1000 / s.Fps.Median).ToString("0.0", CultureInfo.InvariantCulture),
                ratio ? (s.Fps.Median / floor.Fps.Median).ToString("0.00", CultureInfo.InvariantCulture) : "",
                double.IsNaN(s.Faces) ? "" : s.Faces.ToString("0.00", CultureInfo.InvariantCulture),
            ]);
            Row("decode only", decode, ratio: false);
            Row("**floor**: decode + Haar on every frame (default detector)", floor);
            Row("analyze, shipped T=1, before (detect every frame)", Measure(repeats, () => Analyze(shipped, path, before)));
            Row($"analyze, shipped T=1, **defaults** (detect every {now.DetectEvery})", Measure(repeats, () => Analyze(shipped, path, now)));
            Row("analyze, T=4, before (whole clips, detect every frame)", Measure(repeats, () => Analyze(new WholeClipClassifier(t4), path, before)));
            Row($"analyze, T=4, **defaults** (cached features, detect every {now.DetectEvery})", Measure(repeats, () => Analyze(t4, path, now)));
            Console.WriteLine(string.Join('\n', rows.TakeLast(6).Select(r => string.Join(" | ", r))));
        }
        report.Line($"Room backdrop, {frames} frames of 640x480 MJPG, one face of 160 px or four of 120 px. fps = median (min-max) over {repeats} runs after a warm-up; ms/frame from the median; \"x floor\" = fps / the floor's fps in the same run (> 1: faster than decoding and detecting every frame); faces/frame = faces reported per frame (the truth is 1 or 4).").Line()
            .Table(["faces", "what", "fps", "ms/frame", "x floor", "faces/frame"], rows);
    }

    // run returns (frames, faces found in all frames; -1 when it does not look for faces).
    private static (Stats Fps, double Faces) Measure(int repeats, Func<(int Frames, int Faces)> run)
    {
        run(); // warm-up: native loads, caches, JIT
        var fps = new List<double>();
        var faces = double.NaN;
        for (var r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            var (n, found) = run();
            fps.Add(n / clock.Elapsed.TotalSeconds);
            faces = found < 0 ? double.NaN : (double)found / n;
        }
        return (Stats.Of(fps), faces);
    }

    private static (int, int) Decode(string path)
    {
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        using var m = new Mat();
        var n = 0;
        while (capture.Read(m) && !m.Empty()) n++;
        return (n, -1);
    }

    private static (int, int) DecodeDetect(string path)
    {
        using var detector = new HaarFaceDetector(AnalyzerOptions.Default.Detector);
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        using var m = new Mat();
        int n = 0, faces = 0;
        while (capture.Read(m) && !m.Empty()) { faces += detector.Detect(m).Count; n++; }
        return (n, faces);
    }

    private static (int, int) Analyze(IEmotionClassifier classifier, string path, AnalyzerOptions options)
    {
        var analyzer = new EmotionAnalyzer(classifier);
        int n = 0, faces = 0;
        Task.Run(async () =>
        {
            await foreach (var r in analyzer.AnalyzeAsync(InputSource.FromPath(path), options)) { n++; faces += r.Faces.Count; }
        }).GetAwaiter().GetResult();
        return (n, faces);
    }
}
