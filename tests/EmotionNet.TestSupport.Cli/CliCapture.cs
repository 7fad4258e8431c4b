using EmotionNet.Cli;

namespace EmotionNet.TestSupport.Cli;

/// <summary>Runs the command line in this process with standard output and error captured.</summary>
public static class CliCapture
{
    /// <summary>Exit code and everything written; a run longer than <paramref name="limit"/> fails with a TimeoutException (a hang).</summary>
    public static async Task<(int ExitCode, string Text)> RunAsync(string[] args, TimeSpan? limit = null)
    {
        var (stdout, stderr) = (System.Console.Out, System.Console.Error);
        using var writer = new StringWriter();
        System.Console.SetOut(writer);
        System.Console.SetError(writer);
        // Spectre's static console binds to the writer it was created with: point it at ours, then back.
        Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(writer) });
        try
        {
            var code = await CliApp.RunAsync(args).WaitAsync(limit ?? Timeout.InfiniteTimeSpan);
            return (code, writer.ToString());
        }
        finally
        {
            Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(stdout) });
            System.Console.SetOut(stdout);
            System.Console.SetError(stderr);
        }
    }
}
