using System.Globalization;

namespace EmotionNet.Benchmarks;

/// <summary>The benchmark's flags: `--name value` pairs after the mode; the raw line is kept for the docs.</summary>
internal sealed class Args(string[] raw)
{
    public string Mode => raw[0];

    public string[] Raw => raw;

    /// <summary>The exact command that reproduces this run, as the docs show it.</summary>
    public string Command => "dotnet run --project bench/EmotionNet.Benchmarks -c Release -- " + string.Join(' ', raw);

    public string? Text(string name)
    {
        var i = Array.IndexOf(raw, name);
        return i >= 0 && i + 1 < raw.Length ? raw[i + 1] : null;
    }

    public int Int(string name, int fallback) => Text(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public int[] Ints(string name, int[] fallback) =>
        Text(name) is { } v ? v.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : fallback;
}
