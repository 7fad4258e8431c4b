using System.Globalization;
using System.Xml.Linq;
using EmotionNet.Vision.Faces;

/// <summary>The labelled real photos in dlib's XML format (<c>&lt;image file=...&gt;&lt;box top left width height/&gt;</c>).</summary>
internal static class DlibFaces
{
    public const string DefaultFolder = "/work/shared/datasets/faces-dlib-train";

    /// <summary>(photo path, labelled boxes) per image of FOLDER/training.xml.</summary>
    public static IReadOnlyList<(string Path, FaceBox[] Boxes)> Load(string folder)
    {
        var xml = Path.Combine(folder, "training.xml");
        if (!File.Exists(xml)) throw new FileNotFoundException($"No labelled boxes at '{xml}'.", xml);
        static int Int(XElement e, string name) => int.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
        return [.. XDocument.Load(xml).Descendants("image").Select(image => (
            Path.Combine(folder, (string)image.Attribute("file")!),
            image.Elements("box").Select(b => new FaceBox(Int(b, "left"), Int(b, "top"), Int(b, "width"), Int(b, "height"))).ToArray()))];
    }

    /// <summary>One-to-one greedy matching, best overlap first: (true positives, detections, truths).</summary>
    public static (int Hits, int Found, int Truth) Match(IReadOnlyList<FaceBox> truth, IReadOnlyList<FaceBox> found, double minIou)
    {
        var pairs = new List<(double Iou, int T, int F)>();
        for (var t = 0; t < truth.Count; t++)
            for (var f = 0; f < found.Count; f++)
                if (truth[t].IntersectionOverUnion(found[f]) is var iou && iou >= minIou) pairs.Add((iou, t, f));
        pairs.Sort((a, b) => b.Iou.CompareTo(a.Iou));
        var usedT = new bool[truth.Count];
        var usedF = new bool[found.Count];
        var hits = 0;
        foreach (var (_, t, f) in pairs)
        {
            if (usedT[t] || usedF[f]) continue;
            usedT[t] = usedF[f] = true;
            hits++;
        }
        return (hits, found.Count, truth.Count);
    }
}
