using System.Diagnostics;
using System.Globalization;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Imaging;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Recognition;
using EmotionNet.Inference.Results;
using EmotionNet.Inference.Tracking;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

/// <summary>
/// Where one frame's time goes: every stage of the pipeline timed on its own, run one after the other
/// on one thread (no overlap), detection on every frame, default options.
/// </summary>
internal static class ProfileBench
{
    private static readonly string[] Stages =
        ["decode", "grey + 0.5 resize + equalize", "Haar cascade", "track", "crop 48x48", "recognizer (model + smoothing)", "result rows (CSV + JSON writers)"];

    public static void Run(Report report, int frames, IEmotionClassifier classifier)
    {
        var columns = new List<(int Faces, double[] Ms)>();
        foreach (var faces in new[] { 1, 4 })
        {
            var path = Scenes.Video(faces, frames);
            Pass(path, classifier, 30); // warm-up
            columns.Add((faces, Pass(path, classifier, frames)));
        }
        report.Line($"Sequential, one thread per stage, detection on every frame, default `AnalyzerOptions`, {frames} frames; ms per frame (share of the total).").Line();
        var rows = Stages.Select((s, i) => (IReadOnlyList<string>)[s, .. columns.Select(c => Cell(c.Ms[i], c.Ms.Sum()))]).ToList();
        rows.Add(["**total**", .. columns.Select(c => string.Create(CultureInfo.InvariantCulture, $"**{c.Ms.Sum():0.00}** ({1000 / c.Ms.Sum():0} fps on one thread)"))]);
        report.Table(["stage", .. columns.Select(c => $"{c.Faces} face(s)")], rows);
    }

    private static string Cell(double ms, double total) => string.Create(CultureInfo.InvariantCulture, $"{ms:0.00} ({100 * ms / total:0}%)");

    private static double[] Pass(string path, IEmotionClassifier classifier, int frames)
    {
        var options = AnalyzerOptions.Default;
        var ticks = new long[Stages.Length];
        var clock = new Stopwatch();
        void Time(int stage, Action action)
        {
            clock.Restart();
            action();
            ticks[stage] += clock.ElapsedTicks;
        }

        using var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        using var detector = new HaarFaceDetector(options.Detector);
        var tracker = new FaceTracker(options.Tracker);
        var recognizer = new EmotionRecognizer(classifier, options.Recognizer);
        using var image = new Mat();
        using var grey = new Mat();
        using var small = new Mat();
        var results = new List<FrameResult>();
        var n = 0;
        for (; n < frames; n++)
        {
            var ok = false;
            Time(0, () => ok = capture.Read(image) && !image.Empty());
            if (!ok) break;
            // The detector repeats this preparation inside Detect; timed apart here to split its cost.
            Time(1, () =>
            {
                Cv2.CvtColor(image, grey, ColorConversionCodes.BGR2GRAY);
                Cv2.Resize(grey, small, new Size(0, 0), 0.5, 0.5, InterpolationFlags.Area);
                Cv2.EqualizeHist(small, small);
            });
            IReadOnlyList<FaceBox> boxes = [];
            Time(2, () => boxes = detector.Detect(image));
            IReadOnlyList<TrackedFace> tracked = [];
            Time(3, () => tracked = tracker.Update(boxes));
            var crops = new FaceInput[tracked.Count];
            Time(4, () =>
            {
                for (var i = 0; i < tracked.Count; i++)
                {
                    var pixels = new byte[FaceImage.FrameBytes];
                    FaceCropper.Crop(image, tracked[i].Box, options.FaceMargin, pixels);
                    crops[i] = new FaceInput(tracked[i].TrackId, pixels);
                }
            });
            IReadOnlyList<EmotionPrediction> predictions = [];
            Time(5, () =>
            {
                recognizer.Retain(tracker.LiveTrackIds);
                predictions = recognizer.Recognize(crops);
            });
            results.Add(new FrameResult(n, n / Scenes.Fps, image.Width, image.Height,
                tracked.Select((t, i) => new FaceResult(t.TrackId, t.Box, predictions[i].Probabilities, predictions[i].Label, predictions[i].Confidence, predictions[i].Uncertain)).ToArray()));
        }
        var folder = Path.Combine(Path.GetTempPath(), $"emotionnet-bench-profile-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        Time(6, () =>
        {
            CsvResultWriter.Write(Path.Combine(folder, "frames.csv"), results, classifier.Classes);
            JsonResultWriter.Write(Path.Combine(folder, "frames.json"), path, results, classifier.Classes);
        });
        Directory.Delete(folder, true);
        // Detect includes the grey/resize/equalize timed in stage 1: the cascade is the rest.
        ticks[2] -= ticks[1];
        return ticks.Select(t => t * 1000.0 / Stopwatch.Frequency / Math.Max(1, n)).ToArray();
    }
}
