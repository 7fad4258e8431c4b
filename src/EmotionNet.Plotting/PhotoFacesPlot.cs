using EmotionNet.Core.Emotions;
using EmotionNet.Inference.Analysis;
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
    public const int Width = StackedBars.Width;

    /// <summary>Renders the faces of <paramref name="frames"/> and writes the plot to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, IReadOnlyList<FrameResult> frames, ClassSet classes, string title)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(classes);
        var all = frames.SelectMany(f => f.Faces.Select(face => (Photo: f.SourceName ?? $"frame {f.FrameIndex}", face))).ToArray();
        var rows = all.Take(MaxFaces)
            .Select(x => ($"{x.Photo} #{x.face.FaceId}", (IReadOnlyList<double>)x.face.Probabilities.Select(p => (double)p).ToArray()))
            .ToArray();
        var shown = rows.Length < all.Length ? $" (first {rows.Length} of {all.Length})" : "";
        var heading = all.Length == 0 ? $"{title}: no faces found" : $"{title}: {all.Length} face(s) in {frames.Count} photo(s){shown}";
        var legend = classes.Classes.Select((e, c) => (classes.ClassNames[c], Color.FromHex(EmotionTimelinePlot.HexOf(e)))).ToArray();
        StackedBars.Save(path, heading, "probability", rows, legend);
    }
}
