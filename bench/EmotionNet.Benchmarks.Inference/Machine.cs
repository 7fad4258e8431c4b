using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

/// <summary>What the figures were measured on: CPU, cores, OS, .NET, commit, load.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var os = ReadField("/etc/os-release", "PRETTY_NAME")?.Trim('"') ?? RuntimeInformation.OSDescription;
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        return string.Create(CultureInfo.InvariantCulture,
            $"{cpu}, {Environment.ProcessorCount} logical cores, {os}, {RuntimeInformation.FrameworkDescription}, commit {Commit()}, load average at start {load}, torch threads {TorchSharp.torch.get_num_threads()}, OpenCV threads {OpenCvSharp.Cv2.GetNumThreads()}");
    }

    public static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "describe --always --dirty") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null) return "unknown";
            var text = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && text.Length > 0 ? text : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string? ReadField(string file, string key)
    {
        if (!File.Exists(file)) return null;
        foreach (var line in File.ReadLines(file))
        {
            var sep = line.IndexOfAny([':', '=']);
            if (sep > 0 && line[..sep].Trim() == key) return line[(sep + 1)..].Trim();
        }
        return null;
    }
}
