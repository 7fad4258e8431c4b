using System.Globalization;

namespace EmotionNet.Benchmarks;

/// <summary>Median and range of repeated measurements.</summary>
internal static class Stats
{
    public static string Summary(IReadOnlyList<double> values, string unit, string format = "F3")
    {
        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        var c = CultureInfo.InvariantCulture;
        return $"median {median.ToString(format, c)} {unit} (min {sorted[0].ToString(format, c)}, max {sorted[^1].ToString(format, c)}, n={sorted.Length})";
    }
}
