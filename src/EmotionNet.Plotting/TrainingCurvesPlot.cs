using EmotionNet.Core.IO;
using EmotionNet.Core.Reporting;
using ScottPlot;

namespace EmotionNet.Plotting;

/// <summary>Loss and accuracy per epoch, training against validation, side by side.</summary>
public static class TrainingCurvesPlot
{
    /// <summary>Writes the plot to <paramref name="path"/> (atomically).</summary>
    public static void Save(IReadOnlyList<EpochRecord> epochs, string path, int width = 1200, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var x = epochs.Select(e => (double)e.Epoch).ToArray();

        var loss = new Plot();
        AddLine(loss, x, epochs.Select(e => e.TrainLoss), "train", Colors.SteelBlue);
        // A run without a validation split has NaN validation figures: no line rather than a broken one.
        var validated = epochs.Any(e => double.IsFinite(e.ValidationAccuracy));
        if (validated) AddLine(loss, x, epochs.Select(e => e.ValidationLoss), "validation", Colors.OrangeRed);
        loss.Title("Loss");
        loss.XLabel("epoch");
        loss.YLabel("cross-entropy");
        loss.ShowLegend(Alignment.UpperRight);

        var accuracy = new Plot();
        AddLine(accuracy, x, epochs.Select(e => e.TrainAccuracy * 100), "train", Colors.SteelBlue);
        if (validated) AddLine(accuracy, x, epochs.Select(e => e.ValidationAccuracy * 100), "validation", Colors.OrangeRed);
        accuracy.Title("Accuracy");
        accuracy.XLabel("epoch");
        accuracy.YLabel("%");
        accuracy.ShowLegend(Alignment.LowerRight);

        // Multiplot(plot) starts with that plot (the parameterless constructor adds an empty one).
        var multiplot = new Multiplot(loss);
        multiplot.AddPlot(accuracy);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        AtomicFile.WriteVia(path, temp => multiplot.SavePng(temp, width, height));
    }

    private static void AddLine(Plot plot, double[] x, IEnumerable<double> y, string label, Color color)
    {
        var line = plot.Add.Scatter(x, y.ToArray());
        line.LegendText = label;
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = x.Length > 40 ? 0 : 6;
    }
}
