using System.Globalization;
using EmotionNet.Core.Emotions;
using ScottPlot;

/// <summary>
/// docs/temporal.md's picture of one onset: above, the per-frame CNN's probability of the expression and of
/// neutral, with the blend weight; below, the label each candidate shows at every frame, one row each.
/// </summary>
internal static class OnsetPlot
{
    /// <summary>The first clip whose peak the per-frame output gets right and <paramref name="other"/> does not (clip 0 if none).</summary>
    public static int Pick(OnsetClips clips, int[][] perFrame, int[][] other)
    {
        for (var c = 0; c < clips.Count; c++)
            if (perFrame[c][OnsetClips.Peak] == clips.Targets[c] && other[c][OnsetClips.Peak] != clips.Targets[c]) return c;
        return 0;
    }

    public static void Save(string path, OnsetClips clips, int clip, float[][] perFrame, IReadOnlyList<(string Name, int[] Labels)> rows)
    {
        var classes = ClassSet.Fer7;
        var target = clips.Targets[clip];
        var neutral = classes.IndexOf(Emotion.Neutral);
        var frames = Enumerable.Range(0, OnsetClips.Length).Select(t => (double)t).ToArray();
        var padding = new PixelPadding(360, 230, 50, 40);

        var multiplot = new Multiplot();
        var top = multiplot.GetPlot(0);
        var below = multiplot.AddPlot();
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Rows();

        var weight = top.Add.ScatterLine(frames, frames.Select(t => OnsetClips.Weight((int)t, clips.Ramps[clip], OnsetShape.Late)).ToArray());
        weight.LegendText = "blend weight"; // the expressive face's; a longer text runs off the picture's right edge
        weight.Color = Colors.Black;
        weight.LinePattern = LinePattern.Dashed;
        foreach (var (c, name) in new[] { (target, classes.ClassNames[target]), (neutral, classes.ClassNames[neutral]) })
        {
            var line = top.Add.ScatterLine(frames, perFrame.Select(p => (double)p[c]).ToArray());
            line.LegendText = $"per-frame P({name})";
            line.Color = Color.FromHex(Hex(classes.Classes[c]));
            line.LineWidth = 2;
        }
        top.Add.VerticalLine(OnsetClips.Peak, 1, Colors.Gray, LinePattern.Dotted);
        top.Axes.SetLimits(-0.5, OnsetClips.Length - 0.5, 0, 1);
        top.YLabel("probability");
        top.Title(string.Create(CultureInfo.InvariantCulture,
            $"A late onset: neutral to {classes.ClassNames[target]} over {clips.Ramps[clip]} frames, peak at frame {OnsetClips.Peak} (dotted)"));
        top.ShowLegend(Edge.Right);
        top.Layout.Fixed(padding);

        var legend = new HashSet<int>();
        for (var r = 0; r < rows.Count; r++)
        {
            double y = rows.Count - 1 - r;
            for (var t = 0; t < OnsetClips.Length; t++)
            {
                var label = rows[r].Labels[t];
                var cell = below.Add.Rectangle(t - 0.5, t + 0.5, y - 0.4, y + 0.4);
                cell.FillColor = Color.FromHex(Hex(classes.Classes[label]));
                cell.LineWidth = 0;
                if (legend.Add(label)) cell.LegendText = classes.ClassNames[label];
            }
        }
        below.Add.VerticalLine(OnsetClips.Peak, 1, Colors.Gray, LinePattern.Dotted);
        below.Axes.Left.SetTicks(Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i)).ToArray(), rows.Select(r => r.Name).ToArray());
        below.Axes.SetLimits(-0.5, OnsetClips.Length - 0.5, -0.6, rows.Count - 0.4);
        below.XLabel("frame (30 frames/s)");
        below.Title("label shown");
        below.Grid.IsVisible = false;
        below.ShowLegend(Edge.Right);
        below.Layout.Fixed(padding);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        multiplot.SavePng(path, 1300, 760);
    }

    // EmotionNet.Plotting's class colours (EmotionTimelinePlot), so the picture reads like analyze's timelines.
    private static string Hex(Emotion emotion) => emotion switch
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
