using System.Globalization;

namespace EmotionNet.Benchmarks;

/// <summary>
/// How much CPU everything but this process used since the snapshot: the honest contention test,
/// because the load average also counts the benchmark's own threads (libtorch's two and the loader's).
/// </summary>
internal sealed class OtherCpu
{
    private readonly long busyStart = MachineBusyTicks(), ownStart = OwnTicks();
    private readonly long started = Environment.TickCount64;

    /// <summary>Share of all cores (0-1) that other processes kept busy since the snapshot; NaN where /proc is missing.</summary>
    public double Share()
    {
        var seconds = (Environment.TickCount64 - started) / 1000.0;
        if (seconds <= 0 || busyStart < 0 || ownStart < 0) return double.NaN;
        var others = (MachineBusyTicks() - busyStart) - (OwnTicks() - ownStart);
        return Math.Max(0, others / TicksPerSecond / (seconds * Environment.ProcessorCount));
    }

    // USER_HZ: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    // /proc/stat "cpu  user nice system idle iowait irq softirq steal ...": busy = all but idle and iowait.
    private static long MachineBusyTicks()
    {
        if (!File.Exists("/proc/stat")) return -1;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return fields.Sum() - fields[3] - fields[4];
    }

    // /proc/self/stat fields 14-17 (utime, stime, cutime, cstime), counted after the ")" that ends the command name.
    private static long OwnTicks()
    {
        if (!File.Exists("/proc/self/stat")) return -1;
        var text = File.ReadAllText("/proc/self/stat");
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
    }
}
