using System.Diagnostics;
using System.Text;

namespace EmotionNet.Packaging.Tests;

/// <summary>The outcome of a child process: its exit code and its interleaved stdout and stderr.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    /// <summary>The last lines of the output, enough to see why a build or run failed.</summary>
    public string Tail(int lines = 80)
    {
        var all = Output.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}

/// <summary>Runs the dotnet CLI and the installed tool as a user would, with a time limit and the output kept for failure messages.</summary>
internal static class ProcessRunner
{
    /// <summary>The dotnet host that runs these tests (DOTNET_HOST_PATH under 'dotnet test'), else 'dotnet' from PATH.</summary>
    public static string Dotnet { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs <paramref name="fileName"/> and fails the test, with the output's tail, unless it exits with 0 in time.</summary>
    public static ProcessResult RunChecked(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = Run(fileName, arguments, workingDirectory, timeout, environment);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"'{result.Command}' exited with {result.ExitCode}. Output (tail):\n{result.Tail()}");
        return result;
    }

    /// <summary>Runs <paramref name="fileName"/>; on timeout kills its whole process tree and fails with the output so far.</summary>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // 'dotnet test' hands its MSBuild settings to the test host; a child build must find its own.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No MSBuild node may outlive the test (node reuse would leave idle build processes behind).
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var command = $"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList)}";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output) throw new TimeoutException($"'{command}' did not finish within {timeout.TotalMinutes:F0} min (killed). Output so far:\n{new ProcessResult(command, -1, output.ToString()).Tail()}");
        }
        process.WaitForExit(); // drains the asynchronous readers
        lock (output) return new ProcessResult(command, process.ExitCode, output.ToString());
    }
}
