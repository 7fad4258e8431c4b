using System.CommandLine;
using EmotionNet.Cli.Commands;
using EmotionNet.Cli.Console;
using EmotionNet.Cli.Flags;
using EmotionNet.Core;
using EmotionNet.Core.Options;
using EmotionNet.Core.Runtime;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Engine;
using Spectre.Console;

namespace EmotionNet.Cli;

/// <summary>Wires the verbs and maps outcomes to exit codes; each verb lives in its own file.</summary>
internal static class CliApp
{
    /// <summary>Exit code for a bad command line (unknown verb or flag, bad value).</summary>
    public const int UsageError = 2;
    /// <summary>Exit code for a failure the user can act on (bad data, missing file, no CUDA...).</summary>
    public const int Failure = 1;
    /// <summary>
    /// Exit code when a run finished but passed over some of its inputs: analyze skipped unreadable or
    /// oversized files of a folder, a batch had inputs that failed, or merge found inputs never analyzed.
    /// Each is listed with its reason in the outputs and the summary.
    /// </summary>
    public const int PartialFailure = 3;
    /// <summary>Exit code after Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
    /// <summary>Exit code for an exception EmotionNet did not expect: a bug (EX_SOFTWARE).</summary>
    public const int InternalError = 70;
    /// <summary>Set to 1 to let unexpected exceptions through with their stack trace.</summary>
    public const string DebugVariable = "EMOTIONNET_DEBUG";

    /// <summary>Every verb's <c>--libtorch DIR</c>: use an installed libtorch (a PyTorch install's torch/lib) instead of the packaged one.</summary>
    public static readonly Option<string?> LibTorch = new("--libtorch")
    {
        HelpName = "DIR",
        Description = $"Use the libtorch in DIR (e.g. a PyTorch install's torch/lib, for CUDA) instead of the packaged one; default ${ExternalLibTorch.Variable}. See docs/gpu.md.",
        Recursive = true,
    };

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("EmotionNet: facial-emotion recognition (FER2013, CNN+LSTM) natively in .NET.");
        root.Options.Add(LibTorch);
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(TrainTemporalCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(Serving.ServeCommand.Create());
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
            // Before any verb touches a tensor: the process can bind to one libtorch only.
            if ((parse.GetValue(LibTorch) ?? Environment.GetEnvironmentVariable(ExternalLibTorch.Variable)) is { Length: > 0 } libtorch)
                ExternalLibTorch.Load(libtorch);
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
        catch (OptionsException e)
        {
            // An option out of range is a bad command line when a flag set it.
            var flagged = FlagVocabulary.Describe(e);
            Output.Error(flagged ?? e.Message);
            return flagged is null ? Failure : UsageError;
        }
        catch (DeviceUnavailableException e) when (e.Requested == DeviceKind.Cuda)
        {
            Output.Error(Devices.CudaUnavailable + "Use --device cpu (or auto), or build with -p:TorchBackend=cuda-linux / cuda-windows on a machine with an NVIDIA GPU.");
            return Failure;
        }
        catch (NothingToResumeException e)
        {
            Output.Error($"Cannot resume: '{e.LastCheckpoint}' does not exist. Start without --resume, or point --out at the folder of the interrupted run.");
            return Failure;
        }
        catch (EmotionNetException e)
        {
            // A file's content (a CheckpointException, whose training options may be out of range too) concerns no
            // option; an error about a value a flag gave (a teacher that does not fit) names the flag.
            Output.Error(FlagVocabulary.Describe(e) ?? e.Message);
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
