using System.Globalization;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.IO;
using ScottPlot;

namespace EmotionNet.Plotting;

/// <summary>
/// Renders a confusion matrix as a PNG: cells shaded by the row-normalized share (recall per
/// class), each showing its count and percentage, class names on both axes. The row of a class the
/// data has no clip of is left blank and marked "no data" rather than shown as 0 %.
/// </summary>
public static class ConfusionMatrixPlot
{
    /// <summary>Writes the plot to <paramref name="path"/> (atomically).</summary>
    public static void Save(ClassificationMetrics metrics, string path, string title, int width = 900, int height = 820)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var n = metrics.ClassNames.Count;
        var plot = new Plot();
        var colormap = new ScottPlot.Colormaps.Blues();
        for (var row = 0; row < n; row++)
        {
            var rowTotal = metrics.Confusion[row].Sum();
            if (rowTotal == 0)
            {
                var note = plot.Add.Text("no data", (n - 1) / 2.0, n - 1 - row);
                note.LabelAlignment = Alignment.MiddleCenter;
                note.LabelFontSize = 14;
                note.LabelFontColor = Colors.Gray;
                continue;
            }
            for (var col = 0; col < n; col++)
            {
                var count = metrics.Confusion[row][col];
                var share = rowTotal == 0 ? 0 : (double)count / rowTotal;
                // Row 0 at the top: y runs downwards from n - 1.
                double x = col, y = n - 1 - row;
                var cell = plot.Add.Rectangle(x - 0.5, x + 0.5, y - 0.5, y + 0.5);
                // This colormap runs from dark to light; the higher the share, the darker the cell.
                cell.FillStyle.Color = colormap.GetColor(1 - 0.85 * share);
                cell.LineStyle.Color = Colors.White;
                cell.LineStyle.Width = 1;
                var label = plot.Add.Text($"{count}\n{share:P0}", x, y);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = 14;
                label.LabelBold = row == col;
                label.LabelFontColor = share > 0.5 ? Colors.White : Colors.Black;
            }
        }
        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, metrics.ClassNames.ToArray());
        plot.Axes.Left.SetTicks(positions, metrics.ClassNames.Reverse().ToArray());
        plot.Axes.Bottom.Label.Text = "Predicted";
        plot.Axes.Left.Label.Text = "True";
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Grid.IsVisible = false;
        var present = n - metrics.AbsentClasses.Count;
        plot.Title(string.Create(CultureInfo.InvariantCulture,
            $"{title} (n = {metrics.Count})\naccuracy {metrics.Accuracy:P1}, macro recall {metrics.MacroRecall:P1}, macro-F1 {metrics.MacroF1:F3} over {present} class{(present == 1 ? "" : "es")}"));
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, width, height));
    }
}
