using System.Globalization;

/// <summary>Median and range of repeated measurements.</summary>
internal sealed record Stats(double Median, double Min, double Max, int N)
{
    public static Stats Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("No values.", nameof(values));
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Stats(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>"12.3 (11.9-13.0)" with <paramref name="format"/> digits.</summary>
    public string Format(string format = "0.0") => string.Create(CultureInfo.InvariantCulture, $"{Median.ToString(format, CultureInfo.InvariantCulture)} ({Min.ToString(format, CultureInfo.InvariantCulture)}-{Max.ToString(format, CultureInfo.InvariantCulture)})");
}
