using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace EmotionNet.Reliability.Tests.Support;

/// <summary>
/// The built <c>emotionnet</c> command run as a child process, so it can be killed like a real one.
/// Tests wait for the states its output reports (<see cref="WaitForLinesAsync"/>), never for a time.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(TimeSpan At, string Text)> lines = [];
    private readonly List<Waiter> waiters = [];
    private int openStreams = 2;

    private CliProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>emotionnet.dll of the same configuration as these tests (src/EmotionNet.Cli/bin/&lt;config&gt;/&lt;tfm&gt;/).</summary>
    public static string CliDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (tfm, configuration) = (testBin.Name, testBin.Parent!.Name);
            var root = testBin;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "EmotionNet.sln"))) root = root.Parent;
            var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("EmotionNet.sln not found above the test folder."),
                "src", "EmotionNet.Cli", "bin", configuration, tfm, "emotionnet.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"'{dll}' is not built.");
        }
    }

    /// <summary>
    /// Starts <c>dotnet emotionnet.dll args</c> through <c>env --default-signal=INT</c> (GNU coreutils 8.31+):
    /// a test run started in the background of a non-interactive shell (a CI runner, nohup, 'cmd &amp;'
    /// in a script) has SIGINT ignored, every child inherits that, and .NET then never reports Ctrl+C;
    /// the child gets SIGINT's default disposition, as a program started from a terminal has.
    /// </summary>
    public static CliProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(CliDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        return new CliProcess(Process.Start(info)!);
    }

    /// <summary>SIGKILL: no handler runs, exactly like a crash or power loss of the process.</summary>
    public void KillHard() => process.Kill(entireProcessTree: true);

    /// <summary>SIGINT, what Ctrl+C sends (through libc: a minimal machine may have no kill command).</summary>
    public void Interrupt()
    {
        const int sigint = 2;
        if (SendSignal(process.Id, sigint) != 0) throw new InvalidOperationException($"kill({process.Id}, SIGINT) failed: errno {Marshal.GetLastPInvokeError()}.");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int pid, int signal);

    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            KillHard();
            throw new TimeoutException($"emotionnet did not finish within {limit.TotalSeconds:0} s:\n{Output}");
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> lines of output (standard output and error, those already
    /// written included) match: true then, false when the process closed its output first. The limit
    /// only guards against a hang: past it the process is killed and a TimeoutException carries its output.
    /// </summary>
    public async Task<bool> WaitForLinesAsync(Func<string, bool> match, TimeSpan limit, int count = 1)
    {
        var waiter = new Waiter(match, count);
        lock (output)
        {
            if (waiter.IsMet(lines)) return true;
            if (openStreams == 0) return false;
            waiters.Add(waiter);
        }
        try
        {
            return await waiter.Done.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            KillHard();
            throw new TimeoutException($"emotionnet printed no {count} line(s) of the awaited kind within {limit.TotalSeconds:0} s:\n{Output}");
        }
    }

    /// <summary>When each line that matches arrived, from the start of the process.</summary>
    public IReadOnlyList<TimeSpan> TimesOf(Func<string, bool> match)
    {
        lock (output) return [.. lines.Where(l => match(l.Text)).Select(l => l.At)];
    }

    private void Append(string? line)
    {
        lock (output)
        {
            if (line is not null)
            {
                output.AppendLine(line);
                lines.Add((clock.Elapsed, line));
            }
            else if (--openStreams > 0) return;
            foreach (var waiter in waiters.Where(w => line is null || w.IsMet(lines)).ToList())
            {
                waiter.Done.TrySetResult(line is not null);
                waiters.Remove(waiter);
            }
        }
    }

    private sealed class Waiter(Func<string, bool> match, int count)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsMet(List<(TimeSpan At, string Text)> lines) => lines.Count(l => match(l.Text)) >= count;
    }

    public void Dispose()
    {
        if (!process.HasExited) KillHard();
        process.Dispose();
    }
}
