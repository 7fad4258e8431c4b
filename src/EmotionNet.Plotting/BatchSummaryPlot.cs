using EmotionNet.Emotions;
using EmotionNet.Inference.Batch;
using EmotionNet.IO;
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
    public const int Width = 1000;

    /// <summary>Renders <paramref name="report"/> and writes it to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, BatchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var records = report.Records.Take(MaxInputs).ToArray();
        var plot = new Plot();
        var bars = new List<Bar>();
        var labels = new string[records.Length];
        var positions = new double[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            // The first input on top.
            positions[i] = records.Length - 1 - i;
            labels[i] = record.Status == BatchStatus.Done ? record.Input : $"{record.Input} ({BatchRecord.StatusName(record.Status)})";
            var shares = BatchReport.InputShares(record, report.Classes.Count);
            var start = 0.0;
            for (var c = 0; c < report.Classes.Count; c++)
            {
                if (shares[c] <= 0) continue;
                bars.Add(new Bar { Position = positions[i], ValueBase = start, Value = start + shares[c], FillColor = ColorOf(report.Classes[c]), Size = 0.8 });
                start += shares[c];
            }
        }
        if (bars.Count > 0)
        {
            var plotted = plot.Add.Bars(bars);
            plotted.Horizontal = true;
        }
        foreach (var name in report.Classes)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = ColorOf(name) });
        plot.ShowLegend(Edge.Bottom);
        if (records.Length > 0) plot.Axes.Left.SetTicks(positions, labels);
        var shown = records.Length < report.Records.Count ? $" (first {records.Length} of {report.Records.Count})" : "";
        plot.Title($"{report.Records.Count} input(s): {report.Done} done, {report.Failed} failed, {report.Pending} pending{shown}");
        plot.XLabel("share of face-frames");
        plot.Axes.SetLimits(0, 1, -0.6, Math.Max(0, records.Length - 1) + 0.6);
        var height = 160 + 28 * Math.Max(1, records.Length);
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, Width, height));
    }

    private static Color ColorOf(string className) =>
        Color.FromHex(ClassSet.TryParseEmotion(className, out var emotion) ? EmotionTimelinePlot.HexOf(emotion) : "#7f7f7f");
}
