using EmotionNet.Emotions;
using EmotionNet.Inference.Analysis;
using EmotionNet.IO;
using ScottPlot;

namespace EmotionNet.Plotting;

/// <summary>
/// Independent photos at a glance: one horizontal bar per face (photo and face id, in file order, top to
/// bottom), split into the face's probability of each class. A folder of unrelated photos has no time, so
/// this replaces the timeline. Saved as a PNG.
/// </summary>
public static class PhotoFacesPlot
{
    /// <summary>Most faces drawn; further faces are left out (frames.csv has them all) and the title says so.</summary>
    public const int MaxFaces = 80;

    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Renders the faces of <paramref name="frames"/> and writes the plot to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, IReadOnlyList<FrameResult> frames, ClassSet classes, string title)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(classes);
        var all = frames.SelectMany(f => f.Faces.Select(face => (Photo: f.SourceName ?? $"frame {f.FrameIndex}", face))).ToArray();
        var faces = all.Take(MaxFaces).ToArray();
        var plot = new Plot();
        var bars = new List<Bar>();
        var positions = new double[faces.Length];
        var labels = new string[faces.Length];
        for (var i = 0; i < faces.Length; i++)
        {
            var (photo, face) = faces[i];
            positions[i] = faces.Length - 1 - i; // the first face on top
            labels[i] = $"{photo} #{face.FaceId}";
            var start = 0.0;
            for (var c = 0; c < classes.Count; c++)
            {
                var p = (double)face.Probabilities[c];
                if (p <= 0) continue;
                bars.Add(new Bar { Position = positions[i], ValueBase = start, Value = start + p, FillColor = Color.FromHex(EmotionTimelinePlot.HexOf(classes.Classes[c])), Size = 0.8 });
                start += p;
            }
        }
        if (bars.Count > 0) plot.Add.Bars(bars).Horizontal = true;
        for (var c = 0; c < classes.Count; c++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = classes.ClassNames[c], FillColor = Color.FromHex(EmotionTimelinePlot.HexOf(classes.Classes[c])) });
        plot.ShowLegend(Edge.Bottom);
        if (faces.Length > 0) plot.Axes.Left.SetTicks(positions, labels);
        var shown = faces.Length < all.Length ? $" (first {faces.Length} of {all.Length})" : "";
        plot.Title(all.Length == 0 ? $"{title}: no faces found" : $"{title}: {all.Length} face(s) in {frames.Count} photo(s){shown}");
        plot.XLabel("probability");
        plot.Axes.SetLimits(0, 1, -0.6, Math.Max(0, faces.Length - 1) + 0.6);
        var height = 160 + 28 * Math.Max(1, faces.Length);
        AtomicFile.WriteVia(path, temp => plot.SavePng(temp, Width, height));
    }
}
