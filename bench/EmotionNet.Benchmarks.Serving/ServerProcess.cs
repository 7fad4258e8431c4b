using System.Diagnostics;
using System.Globalization;

/// <summary>'emotionnet serve' on a free loopback port, in its own process so that its memory is its own.</summary>
internal sealed class ServerProcess : IDisposable
{
    private const string ListeningLine = "EmotionNet is listening on ";
    private readonly Process process;

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(string jobs, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "emotionnet.dll"), "serve", "--urls", "http://127.0.0.1:0", "--jobs", jobs, "--device", "cpu" }.Concat(extra))
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginErrorReadLine();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith(ListeningLine, StringComparison.Ordinal)) continue;
            _ = process.StandardOutput.ReadToEndAsync();
            return new ServerProcess(process, new Uri(line[ListeningLine.Length..]));
        }
        throw new InvalidOperationException("emotionnet serve exited before it listened.");
    }

    /// <summary>Processor time the server has used so far, user and system, in seconds (/proc/PID/stat; clock ticks of 1/100 s).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        // After "pid (name) " come state, ppid, ...: utime and stime are fields 14 and 15 of the whole line.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The server's resident memory in MB (VmRSS).</summary>
    public double RssMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return double.NaN;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
        process.Dispose();
    }
}
