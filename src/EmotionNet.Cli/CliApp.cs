using System.CommandLine;
using Spectre.Console;
using EmotionNet.Cli.Commands;
using EmotionNet.Cli.Console;

namespace EmotionNet.Cli;

/// <summary>Wires the verbs and maps outcomes to exit codes; each verb lives in its own file.</summary>
internal static class CliApp
{
    /// <summary>Exit code for a bad command line (unknown verb or flag, bad value).</summary>
    public const int UsageError = 2;
    /// <summary>Exit code for a failure the user can act on (bad data, missing file, no CUDA...).</summary>
    public const int Failure = 1;
    /// <summary>Exit code after Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
    /// <summary>Exit code for an exception EmotionNet did not expect: a bug (EX_SOFTWARE).</summary>
    public const int InternalError = 70;
    /// <summary>Set to 1 to let unexpected exceptions through with their stack trace.</summary>
    public const string DebugVariable = "EMOTIONNET_DEBUG";

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("EmotionNet: facial-emotion recognition (FER2013, CNN+LSTM) natively in .NET.");
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Output.Error(error.Message);
            Output.Hint("Run 'emotionnet --help' or 'emotionnet <verb> --help' for usage.");
            return UsageError;
        }

        // Redirected output (a log file, CI) would otherwise be wrapped at 80 columns.
        if (System.Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl+C asks the running verb to stop cleanly (save, then exit); a second one kills.
            if (cancel.IsCancellationRequested) return;
            e.Cancel = true;
            Output.Warn("Stopping: finishing the current step and saving...");
            cancel.Cancel();
        };
        System.Console.CancelKeyPress += onCancel;
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancel.Token);
        }
        catch (UsageException e)
        {
            Output.Error(e.Message);
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            Output.Warn("Cancelled.");
            return Cancelled;
        }
        catch (EmotionNetException e)
        {
            Output.Error(e.Message);
            return Failure;
        }
#pragma warning disable CA1031 // The last line of defence: a bug still gets one line, not a stack trace.
        catch (Exception e) when (Environment.GetEnvironmentVariable(DebugVariable) != "1")
#pragma warning restore CA1031
        {
            Output.Error($"unexpected {e.GetType().Name}: {e.Message} (a bug in EmotionNet; run with {DebugVariable}=1 for the stack trace and please report it)");
            return InternalError;
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }
    }
}
