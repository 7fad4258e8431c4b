using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace EmotionNet.Reliability.Tests.Support;

/// <summary>The built <c>emotionnet</c> command run as a child process, so it can be killed like a real one.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

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

    public static CliProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!process.HasExited) KillHard();
        process.Dispose();
    }
}
