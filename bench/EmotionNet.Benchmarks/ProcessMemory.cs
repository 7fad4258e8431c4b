using System.Globalization;

namespace EmotionNet.Benchmarks;

/// <summary>Resident set size from /proc/self/status (Linux), in MB.</summary>
internal static class ProcessMemory
{
    /// <summary>VmRSS (now) or VmHWM (peak since start or since <see cref="ResetPeak"/>), in MB; NaN when unavailable.</summary>
    public static double Read(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return double.NaN;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>Resets VmHWM to the current RSS (writing 5 to clear_refs, Linux 4.0+); false when the kernel refuses.</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
