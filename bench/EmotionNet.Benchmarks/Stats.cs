using System.Globalization;

namespace EmotionNet.Benchmarks;

/// <summary>Median and range of repeated measurements.</summary>
internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Summary(IReadOnlyList<double> values, string unit, string format = "F3")
    {
        var c = CultureInfo.InvariantCulture;
        return $"median {Median(values).ToString(format, c)} {unit} (min {values.Min().ToString(format, c)}, max {values.Max().ToString(format, c)}, n={values.Count})";
    }

    /// <summary>"**median** (min-max, n=N)" for a markdown cell.</summary>
    public static string Cell(IReadOnlyList<double> values, string format = "F1", bool bold = true)
    {
        var c = CultureInfo.InvariantCulture;
        var median = Median(values).ToString(format, c);
        return $"{(bold ? $"**{median}**" : median)} ({values.Min().ToString(format, c)}-{values.Max().ToString(format, c)}, n={values.Count})";
    }

    public static string F(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);
}
