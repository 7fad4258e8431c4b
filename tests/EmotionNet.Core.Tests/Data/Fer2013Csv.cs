using System.IO.Compression;
using System.Text;

using EmotionNet.TestSupport;

namespace EmotionNet.Core.Tests.Data;

/// <summary>Builds small FER2013 CSV texts for tests.</summary>
public static class Fer2013Csv
{
    public const string Header = "emotion,pixels,Usage";

    /// <summary>2304 pixel values; pixel i is (seed + i) % 256.</summary>
    public static string Pixels(int seed, int count = 2304) =>
        string.Join(' ', Enumerable.Range(0, count).Select(i => (seed + i) % 256));

    public static string Row(int label, string usage, int seed) => $"{label},{Pixels(seed)},{usage}";

    /// <summary>A valid CSV with one row per (label, usage) given.</summary>
    public static string Text(params (int Label, string Usage)[] rows) =>
        Header + "\n" + string.Concat(rows.Select((r, i) => Row(r.Label, r.Usage, i * 7) + "\n"));

    public static string Write(TempFolder dir, string name, string text)
    {
        var path = dir.File(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public static string WriteGzip(TempFolder dir, string name, string text)
    {
        var path = dir.File(name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }

    /// <summary>Every label in every split, so a set has all classes.</summary>
    public static (int, string)[] AllClassesAllSplits() =>
        [.. from usage in new[] { "Training", "PublicTest", "PrivateTest" } from label in Enumerable.Range(0, 7) select (label, usage)];
}
