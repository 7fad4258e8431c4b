using System.Diagnostics;
using System.Globalization;
using EmotionNet.Core.Classifiers;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Sources;

/// <summary>
/// Analyze time (with every output file, as the CLI writes them) against video length and face count;
/// linear growth shows as a constant time per frame and a straight-line fit with small residuals.
/// </summary>
internal static class GrowthBench
{
    public static void Run(Report report, int[] lengths, int[] faceCounts, int faceFrames, IEmotionClassifier classifier)
    {
        // One video of the longest length, cut with MaxFrames: one file to generate, the same frames in every run.
        var longest = Scenes.Video(1, lengths.Max());
        var byLength = lengths.Select(n => (X: n, Seconds: Time(classifier, longest, n))).ToArray();
        var (a, b, worst) = Fit(byLength.Select(p => ((double)p.X, p.Seconds)).ToArray());
        report.Line("`AnalysisRunner.RunAsync` (frames.csv, frames.json, summary, timeline.png), default options, shipped model, one run each after a warm-up.").Line()
            .Line("**By length** (one face):").Line()
            .Table(["frames", "total s", "ms/frame", "fit a + b x frames", "residual"], byLength.Select(p => (IReadOnlyList<string>)[
                p.X.ToString(CultureInfo.InvariantCulture), p.Seconds.ToString("0.00", CultureInfo.InvariantCulture),
                (1000 * p.Seconds / p.X).ToString("0.00", CultureInfo.InvariantCulture),
                (a + b * p.X).ToString("0.00", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{100 * (p.Seconds - (a + b * p.X)) / p.Seconds:+0.0;-0.0}%")]))
            .Line(string.Create(CultureInfo.InvariantCulture, $"Least-squares line: {a:0.00} s + {1000 * b:0.00} ms x frames; largest residual {100 * worst:0.0}% of a point's time."))
            .Line();
        var byFaces = faceCounts.Select(f => (X: f, Seconds: Time(classifier, Scenes.Video(f, faceFrames), faceFrames))).ToArray();
        var one = byFaces[0].Seconds;
        report.Line($"**By face count** ({faceFrames} frames):").Line()
            .Table(["faces", "total s", "ms/frame", "ms/frame per extra face"], byFaces.Select(p => (IReadOnlyList<string>)[
                p.X.ToString(CultureInfo.InvariantCulture), p.Seconds.ToString("0.00", CultureInfo.InvariantCulture),
                (1000 * p.Seconds / faceFrames).ToString("0.00", CultureInfo.InvariantCulture),
                p.X == byFaces[0].X ? "" : (1000 * (p.Seconds - one) / faceFrames / (p.X - byFaces[0].X)).ToString("0.00", CultureInfo.InvariantCulture)]));
    }

    private static double Time(IEmotionClassifier classifier, string video, int frames)
    {
        var output = Path.Combine(Path.GetTempPath(), $"emotionnet-bench-growth-{Environment.ProcessId}");
        try
        {
            Run(classifier, video, output, 30); // warm-up
            var clock = Stopwatch.StartNew();
            Run(classifier, video, output, frames);
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(video)}, {frames} frames: {seconds:0.00} s"));
            return seconds;
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }
    }

    private static void Run(IEmotionClassifier classifier, string video, string output, int? maxFrames) =>
        AnalysisRunner.RunAsync(classifier, InputSource.FromPath(video), AnalyzerOptions.Default with { MaxFrames = maxFrames }, new OutputOptions { Directory = output, Plots = EmotionNet.Plotting.AnalysisPlots.Instance })
            .GetAwaiter().GetResult();

    // y = a + b x by least squares; worst |residual| / y.
    private static (double A, double B, double Worst) Fit((double X, double Y)[] points)
    {
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var b = points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
        var a = my - b * mx;
        return (a, b, points.Max(p => Math.Abs(p.Y - (a + b * p.X)) / p.Y));
    }
}
