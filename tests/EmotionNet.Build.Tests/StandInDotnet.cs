using System.Runtime.Versioning;
using System.Diagnostics;
using System.Text;

namespace EmotionNet.Build.Tests;

/// <summary>
/// Runs the repository's build.sh with a stand-in <c>dotnet</c> first on PATH: its build succeeds
/// at once, and its test prints the given output (in the format of dotnet test), copies the given
/// TRX file into the results folder and exits with the given status. So build.sh's verdict on a
/// test run is checked without building or running the real suite.
/// </summary>
// build.sh is bash: Linux (and macOS) only, as are the rest of these test projects.
[UnsupportedOSPlatform("windows")]
internal sealed class StandInDotnet : IDisposable
{
    private const string Script = """
        #!/usr/bin/env bash
        # Stand-in for dotnet (EmotionNet.Build.Tests): 'build' succeeds, 'test' replays a canned run.
        echo "$*" >> "$STANDIN_DIR/calls.txt"
        case "$1" in
          build) exit 0 ;;
          test)
            results=
            while [ $# -gt 0 ]; do [ "$1" = --results-directory ] && results=$2; shift; done
            [ -f "$STANDIN_DIR/run.trx" ] && cp "$STANDIN_DIR/run.trx" "$results/run.trx"
            cat "$STANDIN_DIR/output.txt"
            exit "$(cat "$STANDIN_DIR/status.txt")" ;;
          *) echo "stand-in dotnet: unexpected command: $*" >&2; exit 99 ;;
        esac
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("emotionnet-standin-").FullName;

    public StandInDotnet()
    {
        var dotnet = Path.Combine(folder, "dotnet");
        File.WriteAllText(dotnet, Script.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The repository root (the folder that holds build.sh), found above the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The test projects eng/run-tests.sh expects to report: tests/*/*.Tests.csproj.</summary>
    public static IReadOnlyList<string> TestProjects { get; } =
        [.. Directory.GetDirectories(Path.Combine(Root, "tests")).Select(Path.GetFileName).Where(d => File.Exists(Path.Combine(Root, "tests", d!, d + ".csproj")) && d!.EndsWith(".Tests", StringComparison.Ordinal)).Order(StringComparer.Ordinal)!];

    /// <summary>The arguments of every call build.sh made to dotnet, one call a line.</summary>
    public string Calls => File.Exists(Path.Combine(folder, "calls.txt")) ? File.ReadAllText(Path.Combine(folder, "calls.txt")) : "";

    /// <summary>Runs <c>build.sh verb</c> with 'dotnet test' printing <paramref name="output"/> and exiting with <paramref name="status"/>.</summary>
    public ScriptRun Run(string verb, string output, int status, string? trx = null)
    {
        File.WriteAllText(Path.Combine(folder, "output.txt"), output);
        File.WriteAllText(Path.Combine(folder, "status.txt"), status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (trx is not null) File.WriteAllText(Path.Combine(folder, "run.trx"), trx);
        File.Delete(Path.Combine(folder, "calls.txt"));

        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        info.ArgumentList.Add(Path.Combine(Root, "build.sh"));
        info.ArgumentList.Add(verb);
        info.Environment["PATH"] = folder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        info.Environment["STANDIN_DIR"] = folder;
        var (text, stdout) = (new StringBuilder(), new StringBuilder());
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (text) { text.AppendLine(e.Data); stdout.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A guard against a hang only: the script does nothing slow with the stand-in.
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"build.sh {verb} did not finish within 5 minutes:\n{text}");
        }
        process.WaitForExit();
        lock (text) return new ScriptRun(process.ExitCode, text.ToString(), stdout.ToString());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "build.sh"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"build.sh not found above {AppContext.BaseDirectory}.");
    }
}

/// <summary>How a script ended: its exit status, all it printed, and its standard output alone.</summary>
internal sealed record ScriptRun(int ExitCode, string Output, string Stdout)
{
    /// <summary>The last line on standard output: the summary.</summary>
    public string LastLine => Stdout.TrimEnd().Split('\n')[^1].TrimEnd('\r');

    /// <summary>
    /// All it printed, each line behind "| ": for assertion messages, which dotnet test prints in the real
    /// run's log, where a canned "Passed!" line at the start of a line would be counted as a real result.
    /// </summary>
    public override string ToString() => string.Concat(Output.Split('\n').Select(l => "| " + l.TrimEnd('\r') + "\n"));
}
