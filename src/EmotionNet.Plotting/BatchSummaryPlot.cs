using EmotionNet.Core.Emotions;
using EmotionNet.Inference.Batch;
using ScottPlot;

namespace EmotionNet.Plotting;

/// <summary>
/// A batch at a glance: one horizontal bar per input (in plan order, top to bottom), split into the share
/// of its face-frames labelled with each emotion; failed and pending inputs get an empty bar with their
/// status. Saved as a PNG.
/// </summary>
public static class BatchSummaryPlot
{
    /// <summary>Most inputs drawn; a larger batch shows its first ones (batch.csv has them all).</summary>
    public const int MaxInputs = 60;

    /// <summary>Width of the image in pixels.</summary>
    public const int Width = StackedBars.Width;

    /// <summary>Renders <paramref name="report"/> and writes it to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, BatchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Records.Take(MaxInputs)
            .Select(r => (r.Status == BatchStatus.Done ? r.Input : $"{r.Input} ({BatchRecord.StatusName(r.Status)})",
                (IReadOnlyList<double>)BatchReport.InputShares(r, report.Classes.Count)))
            .ToArray();
        var shown = rows.Length < report.Records.Count ? $" (first {rows.Length} of {report.Records.Count})" : "";
        StackedBars.Save(path, $"{report.Records.Count} input(s): {report.Done} done, {report.Failed} failed, {report.Pending} pending{shown}",
            "share of face-frames", rows, report.Classes.Select(name => (name, ColorOf(name))).ToArray());
    }

    private static Color ColorOf(string className) =>
        Color.FromHex(ClassSet.TryParseEmotion(className, out var emotion) ? EmotionTimelinePlot.HexOf(emotion) : "#7f7f7f");
}
