using System.Diagnostics;
using System.Globalization;
using EmotionNet.Core.Imaging;

/// <summary>
/// Model cost per frame by sequence length T: whole clips through Predict (every frame re-encodes T
/// crops per face) against the streaming path (encode the new crop, then the LSTM + head over T cached
/// features), for one and four faces per frame.
/// </summary>
internal static class LatencyBench
{
    public static void Run(Report report, int repeats, int calls)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var t in new[] { 1, 4, 8, 16 })
        {
            using var model = Models.Untrained(t);
            var cells = new List<string> { t.ToString(CultureInfo.InvariantCulture) };
            foreach (var faces in new[] { 1, 4 })
            {
                var rng = new Random(1);
                var clips = new byte[faces * t * FaceImage.FrameBytes];
                rng.NextBytes(clips);
                var crops = clips.AsSpan(0, faces * FaceImage.FrameBytes).ToArray();
                var window = new float[faces * t * model.FeatureSize];
                var full = Measure(repeats, calls, () => model.Predict(clips, faces));
                var incremental = Measure(repeats, calls, () =>
                {
                    var features = model.EncodeFrames(crops, faces);
                    for (var f = 0; f < faces; f++) features.AsSpan(f * model.FeatureSize, model.FeatureSize).CopyTo(window.AsSpan((f * t + t - 1) * model.FeatureSize));
                    model.ClassifyFeatures(window, faces);
                });
                cells.Add(full.Format("0.00"));
                cells.Add(incremental.Format("0.00"));
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{full.Median / incremental.Median:0.0}x"));
            }
            rows.Add(cells);
            Console.WriteLine(string.Join(" | ", cells));
        }
        report.Line($"Default architecture, random weights, libtorch threads as `analyze` sets them (half the cores), ms per frame: median (min-max) of {repeats} runs of up to {calls} calls each (fewer for slow cases, about 0.4 s a run).").Line()
            .Table(["T", "1 face: whole clip", "1 face: cached features", "ratio", "4 faces: whole clip", "4 faces: cached features", "ratio"], rows);
    }

    // Each run makes up to maxCalls calls, fewer for slow ones (about 0.4 s a run), so the mode stays short.
    internal static Stats Measure(int repeats, int maxCalls, Action call)
    {
        call(); // warm-up
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 2; i++) call();
        var calls = Math.Clamp((int)(400 / Math.Max(0.01, warm.Elapsed.TotalMilliseconds / 2)), 3, maxCalls);
        var runs = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++) call();
            runs.Add(clock.Elapsed.TotalMilliseconds / calls);
        }
        return Stats.Of(runs);
    }
}
