using System.Diagnostics;
using System.Globalization;
using EmotionNet.Core.Classifiers;
using EmotionNet.Inference.Analysis;
using EmotionNet.Torch;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;
using OpenCvSharp;

/// <summary>
/// Frames per second on a 640x480 video with one and four faces: decode alone, the detector floor (decode +
/// the default detector on every frame) and the whole analyzer (decode, detect, track, crop, model, smoothing), before and
/// after this round's changes, each against the floor measured in the same run.
/// </summary>
internal static class EndToEndBench
{
    public static void Run(Report report, int frames, int repeats)
    {
        using var shipped = EmotionClassifier.LoadShipped(EmotionNet.Core.Runtime.DeviceKind.Cpu);
        using var t4 = Models.Untrained(4);
        var before = new AnalyzerOptions { DetectEvery = 1 };
        var now = AnalyzerOptions.Default;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var faces in new[] { 1, 4 })
        {
            var path = Scenes.Video(faces, frames);
            var decode = Measure(repeats, () => Decode(path), () => Decode(path));
            var floor = Measure(repeats, () => DecodeDetect(path, faces, AnalyzerOptions.Default.Detector));
            void Row(string name, (Stats Fps, double Faces, double Iou, double CpuMs) s, bool ratio = true) => rows.Add([
                $"{faces}", name,
                s.Fps.Format("0.0"),
                (1000 / s.Fps.Median).ToString("0.0", CultureInfo.InvariantCulture),
                s.CpuMs.ToString("0.0", CultureInfo.InvariantCulture),
                ratio ? (s.Fps.Median / floor.Fps.Median).ToString("0.00", CultureInfo.InvariantCulture) : "",
                double.IsNaN(s.Faces) ? "" : s.Faces.ToString("0.00", CultureInfo.InvariantCulture),
                double.IsNaN(s.Iou) ? "" : s.Iou.ToString("0.000", CultureInfo.InvariantCulture),
            ]);
            Row("decode only", decode, ratio: false);
            Row($"**floor**: decode + {AnalyzerOptions.Default.Detector.Kind} on every frame (default detector)", floor);
            Row("decode + Haar on every frame (--detector haar)", Measure(repeats, () => DecodeDetect(path, faces, AnalyzerOptions.Default.Detector with { Kind = FaceDetectorKind.Haar })));
            Row($"analyze, shipped T=1, Haar (detect every {now.DetectEvery})", Measure(repeats, () => Analyze(shipped, path, HaarOptions(now), faces), () => Analyze(shipped, path, HaarOptions(now) with { MaxFrames = 20 }, faces)));
            Row("analyze, shipped T=1, before (detect every frame)", Measure(repeats, () => Analyze(shipped, path, before, faces), () => Analyze(shipped, path, before with { MaxFrames = 20 }, faces)));
            Row($"analyze, shipped T=1, **defaults** (detect every {now.DetectEvery})", Measure(repeats, () => Analyze(shipped, path, now, faces), () => Analyze(shipped, path, now with { MaxFrames = 20 }, faces)));
            Row("analyze, T=4, before (whole clips, detect every frame)", Measure(repeats, () => Analyze(new WholeClipClassifier(t4), path, before, faces), () => Analyze(new WholeClipClassifier(t4), path, before with { MaxFrames = 20 }, faces)));
            Row($"analyze, T=4, **defaults** (cached features, detect every {now.DetectEvery})", Measure(repeats, () => Analyze(t4, path, now, faces), () => Analyze(t4, path, now with { MaxFrames = 20 }, faces)));
            Console.WriteLine(string.Join('\n', rows.TakeLast(8).Select(r => string.Join(" | ", r))));
        }
        report.Line($"Room backdrop, {frames} frames of 640x480 MJPG, one face of 160 px or four of 120 px. fps = median (min-max) over {repeats} runs (analyze rows after a 20-frame warm-up); ms/frame from the median; CPU ms/frame = the process's CPU time (all threads) per frame, median over the runs (far less inflated than wall time when other processes load the machine); \"x floor\" = fps / the floor's fps in the same run (> 1: faster than decoding and detecting every frame); faces/frame = faces reported per frame (the truth is 1 or 4); IoU = mean overlap of each reported box with the face drawn there (what detecting less often costs in box accuracy).").Line()
            .Table(["faces", "what", "fps", "ms/frame", "CPU ms/frame", "x floor", "faces/frame", "IoU"], rows);
    }

    // run returns (frames, faces found in all frames or -1 when it does not look, sum of each face's IoU with the truth).
    // warmUp: a short run first (native loads, caches, JIT); the median also absorbs a slow first repeat.
    // Also the process's CPU time per frame (all threads), which other processes' load inflates far less than wall time.
    internal static (Stats Fps, double Faces, double Iou, double CpuMs) Measure(int repeats, Func<(int Frames, int Faces, double Iou)> run, Action? warmUp = null)
    {
        warmUp?.Invoke();
        var fps = new List<double>();
        var cpu = new List<double>();
        double faces = double.NaN, iou = double.NaN;
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeats; r++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var (n, found, overlap) = run();
            fps.Add(n / clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds / n);
            faces = found < 0 ? double.NaN : (double)found / n;
            iou = found <= 0 ? double.NaN : overlap / found;
        }
        cpu.Sort();
        return (Stats.Of(fps), faces, iou, cpu[cpu.Count / 2]);
    }

    // Best overlap of a reported box with the faces drawn into that frame.
    private static double Truth(int faces, int frame, FaceBox box) => Scenes.Layout(faces, frame).Max(t => t.Box.IntersectionOverUnion(box));

    private static (int, int, double) Decode(string path)
    {
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        using var m = new Mat();
        var n = 0;
        while (capture.Read(m) && !m.Empty()) n++;
        return (n, -1, 0);
    }

    private static AnalyzerOptions HaarOptions(AnalyzerOptions options) => options with { Detector = options.Detector with { Kind = FaceDetectorKind.Haar } };

    private static (int, int, double) DecodeDetect(string path, int truthFaces, DetectorOptions options)
    {
        using var detector = FaceDetectors.Create(options);
        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        using var m = new Mat();
        int n = 0, faces = 0;
        double iou = 0;
        while (capture.Read(m) && !m.Empty())
        {
            foreach (var box in detector.Detect(m)) { faces++; iou += Truth(truthFaces, n, box); }
            n++;
        }
        return (n, faces, iou);
    }

    internal static (int, int, double) Analyze(IEmotionClassifier classifier, string path, AnalyzerOptions options, int truthFaces)
    {
        using var analyzer = new EmotionAnalyzer(classifier);
        int n = 0, faces = 0;
        double iou = 0;
        Task.Run(async () =>
        {
            await foreach (var r in analyzer.AnalyzeAsync(InputSource.FromPath(path), options))
            {
                n++;
                foreach (var face in r.Faces) { faces++; iou += Truth(truthFaces, r.FrameIndex, face.Box); }
            }
        }).GetAwaiter().GetResult();
        return (n, faces, iou);
    }
}
