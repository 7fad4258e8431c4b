using EmotionNet.Core.IO;
using ScottPlot;

namespace EmotionNet.Plotting;

/// <summary>
/// One horizontal bar per row, first row on top, each split into its shares of the classes in class
/// order, with a legend of the classes below: what the batch summary and the photo-faces plot draw.
/// </summary>
internal static class StackedBars
{
    public const int Width = 1000;

    /// <summary>Renders <paramref name="rows"/> and writes the PNG to <paramref name="path"/> atomically; 160 px of frame plus 28 per row.</summary>
    public static void Save(string path, string title, string xLabel, IReadOnlyList<(string Label, IReadOnlyList<double> Shares)> rows, IReadOnlyList<(string Name, Color Color)> classes)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var positions = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            positions[i] = rows.Count - 1 - i;
            var start = 0.0;
            for (var c = 0; c < classes.Count; c++)
            {
                var share = rows[i].Shares[c];
                if (share <= 0) continue;
                bars.Add(new Bar { Position = positions[i], ValueBase = start, Value = start + share, FillColor = classes[c].Color, Size = 0.8 });
                start += share;
            }
        }
        if (bars.Count > 0) plot.Add.Bars(bars).Horizontal = true;
        foreach (var (name, color) in classes) plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = color });
        plot.ShowLegend(Edge.Bottom);
        if (rows.Count > 0) plot.Axes.Left.SetTicks(positions, rows.Select(r => r.Label).ToArray());
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.Axes.SetLimits(0, 1, -0.6, Math.Max(0, rows.Count - 1) + 0.6);
        var height = 160 + 28 * Math.Max(1, rows.Count);
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, Width, height));
    }
}
