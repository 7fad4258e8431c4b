using EmotionNet.Core.Emotions;
using EmotionNet.Core.IO;
using EmotionNet.Inference.Analysis;
using ScottPlot;

namespace EmotionNet.Plotting;

/// <summary>
/// Probability of each class over time (seconds), one panel per face (the faces seen longest, at most
/// <see cref="MaxPanels"/>), with a legend of class names, saved as a PNG.
/// </summary>
public static class EmotionTimelinePlot
{
    /// <summary>Most panels drawn; further faces (the shortest-lived) are left out.</summary>
    public const int MaxPanels = 8;

    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height of one panel in pixels.</summary>
    public const int PanelHeight = 300;

    /// <summary>Renders the timeline of <paramref name="frames"/> and writes it to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, IReadOnlyList<FrameResult> frames, ClassSet classes, string title)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(classes);
        var series = frames
            .SelectMany(f => f.Faces.Select(face => (f.TimeSeconds, face)))
            .GroupBy(x => x.face.FaceId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Take(MaxPanels)
            .OrderBy(g => g.Key)
            .ToArray();

        // A new Multiplot already holds one plot; panel i reuses plot i where it exists.
        var multiplot = new ScottPlot.Multiplot();
        Plot Panel(int i) => multiplot.Count() > i ? multiplot.GetPlot(i) : multiplot.AddPlot();
        if (series.Length == 0)
        {
            var empty = Panel(0);
            empty.Title($"{title}: no faces found");
            empty.XLabel("time (s)");
            empty.YLabel("probability");
        }
        var end = Math.Max(frames.Count == 0 ? 0 : frames[^1].TimeSeconds, 1e-3);
        for (var panel = 0; panel < series.Length; panel++)
        {
            var face = series[panel];
            var plot = Panel(panel);
            var times = face.Select(x => x.TimeSeconds).ToArray();
            for (var c = 0; c < classes.Count; c++)
            {
                var values = face.Select(x => (double)x.face.Probabilities[c]).ToArray();
                var line = times.Length == 1 ? plot.Add.Scatter(times, values) : plot.Add.ScatterLine(times, values);
                line.LegendText = classes.ClassNames[c];
                line.Color = ScottPlot.Color.FromHex(HexOf(classes.Classes[c]));
                line.LineWidth = 2;
            }
            plot.Title($"{title}: face {face.Key}");
            plot.XLabel("time (s)");
            plot.YLabel("probability");
            plot.Axes.SetLimits(0, end, 0, 1); // every panel spans the whole input
            plot.ShowLegend(ScottPlot.Edge.Bottom);
        }

        var height = PanelHeight * Math.Max(1, series.Length);
        AtomicFile.WriteVia(path, temp => multiplot.SavePng(temp, Width, height));
    }

    internal static string HexOf(Emotion emotion) => emotion switch
    {
        Emotion.Angry => "#d62728",
        Emotion.Disgust => "#2ca02c",
        Emotion.Fear => "#9467bd",
        Emotion.Happy => "#ffbf00",
        Emotion.Sad => "#1f77b4",
        Emotion.Surprise => "#17becf",
        _ => "#7f7f7f",
    };
}
