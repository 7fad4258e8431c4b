using System.Diagnostics;
using System.Globalization;
using System.Text;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.IO;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Sources;

/// <summary>
/// A long run: AnalysisRunner (every output, as the CLI) on a generated video, sampling this process's
/// resident set (VmRSS in /proc/self/status) and the managed heap every <c>every</c> frames. A leak of
/// tensors or Mats shows as a steady climb; the slope over the second half says how steep.
/// </summary>
internal static class MemoryBench
{
    public static void Run(Report report, int frames, int faces, int every, string imagesFolder, IEmotionClassifier classifier)
    {
        var video = Scenes.Video(faces, frames);
        var output = Path.Combine(Path.GetTempPath(), $"emotionnet-bench-memory-{Environment.ProcessId}");
        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        samples.Add(Sample.Take(0, clock));
        var sampler = new Sampler(every, samples, clock);
        AnalysisReport result;
        try
        {
            result = AnalysisRunner.RunAsync(classifier, InputSource.FromPath(video), AnalyzerOptions.Default, new OutputOptions { Directory = output, Plots = EmotionNet.Plotting.AnalysisPlots.Instance }, sampler)
                .GetAwaiter().GetResult();
            samples.Add(Sample.Take(sampler.Frames, clock)); // after the output files
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }

        Directory.CreateDirectory(imagesFolder);
        var csv = Path.Combine(imagesFolder, "inference-memory-rss.csv");
        var text = new StringBuilder("frame,seconds,rss_mb,managed_mb\n");
        foreach (var s in samples) text.Append(CultureInfo.InvariantCulture, $"{s.Frame},{s.Seconds:0.00},{s.RssMb:0.0},{s.ManagedMb:0.0}\n");
        AtomicFile.WriteAllText(csv, text.ToString());
        var png = Path.Combine(imagesFolder, "inference-memory-rss.png");
        Plot(png, samples, frames);

        var during = samples.Take(samples.Count - 1).ToArray(); // the last sample is after writing outputs
        var half = during.Where(s => s.Frame >= result.Source.FrameCount / 2).ToArray();
        var slope = Slope(half.Select(s => ((double)s.Frame, s.RssMb * 1024)).ToArray()) * 1000;
        var managedSlope = Slope(half.Select(s => ((double)s.Frame, s.ManagedMb * 1024)).ToArray()) * 1000;
        var first = during.First(s => s.Frame >= every);
        report.Line($"`AnalysisRunner.RunAsync` with every output (frames.csv, frames.json, summary, timeline.png), default options, shipped model, {faces} face(s), {result.Summary.FramesWithFaces + result.Summary.FramesWithoutFaces} frames of 640x480 in {result.ElapsedSeconds:0} s ({result.FramesPerSecond:0.0} fps); RSS sampled every {every} frames.").Line()
            .Table(["measure", "value"], [
                ["RSS after the first " + every + " frames", $"{first.RssMb:0.0} MB"],
                ["RSS at the last frame", $"{during[^1].RssMb:0.0} MB"],
                ["peak RSS (VmHWM, whole process, includes writing the outputs)", $"{ReadKb("VmHWM") / 1024.0:0.0} MB"],
                ["RSS over the second half (min-max)", $"{half.Min(s => s.RssMb):0.0}-{half.Max(s => s.RssMb):0.0} MB"],
                ["RSS slope over the second half", string.Create(CultureInfo.InvariantCulture, $"{slope:+0.0;-0.0} KB per 1000 frames")],
                ["managed heap (after the last GC) slope over the second half", string.Create(CultureInfo.InvariantCulture, $"{managedSlope:+0.0;-0.0} KB per 1000 frames")],
                ["RSS after writing the outputs", $"{samples[^1].RssMb:0.0} MB"],
            ])
            .Line("![RSS over frames](images/inference-memory-rss.png)").Line()
            .Line("Samples: [images/inference-memory-rss.csv](images/inference-memory-rss.csv).");
    }

    private sealed record Sample(int Frame, double Seconds, double RssMb, double ManagedMb)
    {
        public static Sample Take(int frame, Stopwatch clock) => new(frame, clock.Elapsed.TotalSeconds, ReadKb("VmRSS") / 1024.0, GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024));
    }

    private sealed class Sampler(int every, List<Sample> samples, Stopwatch clock) : IProgress<AnalysisProgress>
    {
        public int Frames { get; private set; }

        public void Report(AnalysisProgress value)
        {
            Frames = value.FramesDone;
            if (value.FramesDone % every != 0) return;
            samples.Add(Sample.Take(value.FramesDone, clock));
            if (value.FramesDone % (every * 8) == 0) Console.WriteLine($"{value.FramesDone} frames, RSS {samples[^1].RssMb:0.0} MB, {value.FramesPerSecond:0.0} fps");
        }
    }

    private static long ReadKb(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"/proc/self/status has no {field}.");
    }

    private static double Slope((double X, double Y)[] points)
    {
        if (points.Length < 2) return double.NaN;
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        return points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
    }

    private static void Plot(string path, List<Sample> samples, int frames)
    {
        var during = samples.Take(samples.Count - 1).ToArray();
        var plot = new ScottPlot.Plot();
        var rss = plot.Add.ScatterLine(during.Select(s => (double)s.Frame).ToArray(), during.Select(s => s.RssMb).ToArray());
        rss.LegendText = "process RSS (MB)";
        rss.LineWidth = 2;
        var managed = plot.Add.ScatterLine(during.Select(s => (double)s.Frame).ToArray(), during.Select(s => s.ManagedMb).ToArray());
        managed.LegendText = "managed heap after the last GC (MB)";
        managed.LineWidth = 2;
        plot.Title($"emotionnet analyze on a {frames}-frame 640x480 video: memory over frames");
        plot.XLabel("frame");
        plot.YLabel("MB");
        plot.Axes.SetLimitsY(0, during.Max(s => s.RssMb) * 1.15);
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, 1000, 450));
    }
}
