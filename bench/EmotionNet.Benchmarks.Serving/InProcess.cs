using System.Diagnostics;
using EmotionNet.Core.Classifiers;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Sources;

/// <summary>An in-process rate: images per second, and this process's processor milliseconds per image.</summary>
internal sealed record Rate(double ImagesPerSecond, double CpuMsPerImage);

/// <summary>The in-process baselines: what an application calling EmotionNet.Inference itself gets on the same image.</summary>
internal static class InProcess
{
    /// <summary>Processor time this process has used so far, in seconds.</summary>
    public static double CpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>One image per call, one call after the other, on one analyzer kept for the run: what one client sending one image at a time can be compared with.</summary>
    public static async Task<Rate> ImagesAsync(EmotionAnalyzer analyzer, string path, TimeSpan duration)
    {
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed < duration)
        {
            Check(await analyzer.AnalyzeImageAsync(path));
            count++;
        }
        return new Rate(count / clock.Elapsed.TotalSeconds, (CpuSeconds() - cpu) * 1000 / Math.Max(1, count));
    }

    /// <summary>As <see cref="ImagesAsync"/> with a new analyzer per call, which builds its detector each time (the cost the kept analyzer saves).</summary>
    public static async Task<Rate> NewAnalyzerEachAsync(IEmotionClassifier classifier, string path, TimeSpan duration)
    {
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed < duration)
        {
            using var analyzer = new EmotionAnalyzer(classifier);
            Check(await analyzer.AnalyzeImageAsync(path));
            count++;
        }
        return new Rate(count / clock.Elapsed.TotalSeconds, (CpuSeconds() - cpu) * 1000 / Math.Max(1, count));
    }

    /// <summary>A folder of copies streamed through one analyzer: decoding and detection of the next image overlap the model call on the current one.</summary>
    public static async Task<Rate> FolderAsync(EmotionAnalyzer analyzer, string folder, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        var count = 0;
        try
        {
            await foreach (var frame in analyzer.AnalyzeAsync(InputSource.FromFolder(folder), cancellationToken: stop.Token))
            {
                Check(frame);
                count++;
            }
        }
        catch (OperationCanceledException)
        {
        }
        return new Rate(count / clock.Elapsed.TotalSeconds, (CpuSeconds() - cpu) * 1000 / Math.Max(1, count));
    }

    private static void Check(FrameResult frame)
    {
        if (frame.Faces.Count != 1) throw new InvalidOperationException($"Expected one face, found {frame.Faces.Count}.");
    }
}
