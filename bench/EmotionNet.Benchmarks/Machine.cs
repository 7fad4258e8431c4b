using System.Reflection;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace EmotionNet.Benchmarks;

/// <summary>What the figures were measured on, and how busy it was: every section states it.</summary>
internal static class Machine
{
    public static string Cpu()
    {
        var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static readonly string[] Bf16Flags = ["avx512_bf16", "amx_bf16"];

    /// <summary>The CPU's bf16 instructions, which decide whether bf16 can be faster at all.</summary>
    public static string Bf16Support()
    {
        var flags = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) ?? "" : "";
        var found = Bf16Flags.Where(f => flags.Split(' ').Contains(f)).ToArray();
        return found.Length == 0 ? "no bf16 instructions" : string.Join(", ", found);
    }

    public static string Os()
    {
        const string path = "/etc/os-release";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.OSDescription : line["PRETTY_NAME=".Length..].Trim('"');
    }

    public static double MemoryGb()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }

    /// <summary>The 1-minute load average (reported for context; it includes the benchmark's own threads).</summary>
    public static double LoadAverage() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) : double.NaN;

    public static string TorchSharpVersion() =>
        typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?";

    public static string LibTorchVersion() =>
        typeof(Machine).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "LibTorchVersion")?.Value ?? "?";

    /// <summary>
    /// One markdown paragraph: CPU, cores, memory, OS, .NET, TorchSharp/libtorch, threads, load, and
    /// the share of the cores other processes used during the measurement (over 10 %: contended).
    /// </summary>
    public static string Describe(double loadBefore, double loadAfter, double otherCpuShare, bool torch = true)
    {
        var threads = torch ? $", libtorch threads {get_num_threads()}" : "";
        var busy = otherCpuShare > 0.10
            ? $" **Taken under contention** (other processes used {otherCpuShare:P0} of the cores meanwhile): provisional, rerun on an idle machine."
            : $" Other processes used {otherCpuShare:P0} of the cores meanwhile.";
        return $"Machine: {Cpu()} ({Bf16Support()}), {Environment.ProcessorCount} cores, {MemoryGb():F0} GB, {Os()}, {RuntimeInformation.FrameworkDescription}, " +
               $"TorchSharp {TorchSharpVersion()} / libtorch {LibTorchVersion()}{threads}. Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; " +
               $"1-minute load average {loadBefore:F1} before, {loadAfter:F1} after.{busy}";
    }
}
