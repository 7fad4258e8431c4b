using System.CommandLine;
using System.Globalization;
using EmotionNet.Cli.Console;
using EmotionNet.Core;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Temporal;

namespace EmotionNet.Cli.Commands;

/// <summary><c>emotionnet train-temporal</c>: flags to <see cref="TrainTemporalSettings"/>, then <see cref="TemporalTrainer"/>.</summary>
internal static class TrainTemporalCommand
{
    public static Command Create()
    {
        var flags = new TrainTemporalFlags();
        var command = new Command("train-temporal",
            "Teach a trained model's LSTM to follow video frame by frame: change-aware clips with per-frame targets and corrupted frames, " +
            "encoder frozen (docs/temporal.md). Writes best.ckpt, last.ckpt, temporal-epochs.csv.");
        flags.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(TrainTemporalSettings.Parse(parse, flags), cancellationToken)));
        return command;
    }

    private static int Run(TrainTemporalSettings settings, CancellationToken cancellationToken)
    {
        _ = Devices.Resolve(settings.Device);
        if (settings.InitFrom is null && !ShippedModel.IsAvailable)
            throw new EmotionNetException("No model to start from: this build ships none. Pass --init-from <checkpoint>, or train one with 'emotionnet train'.");
        var initial = settings.InitFrom is null ? ShippedModel.Load() : Checkpoint.Load(settings.InitFrom);
        Output.Info($"Loading {settings.Data.Description}...");
        var splits = settings.Data.Load(initial.Classes);
        LoadReportView.Show(splits.Report);
        LoadReportView.ShowSplits(splits);
        using var threads = TorchThreads.Use(settings.Threads);
        var progress = new ConsoleProgress();
        try
        {
            var result = new TemporalTrainer(settings.Training).Fit(initial, splits, settings.Out, settings.Device, settings.Resume, progress, cancellationToken);
            var best = result.History.First(e => e.Epoch == result.BestEpoch);
            Output.Info(string.Create(CultureInfo.InvariantCulture,
                $"Best epoch {result.BestEpoch}: PublicTest clips {best.ValidationAccuracy:P2} of frames right ({best.ValidationCorruptedAccuracy:P2} of corrupted frames). Wrote {settings.Out}/: best.ckpt, last.ckpt, temporal-epochs.csv."));
            return 0;
        }
        catch (OperationCanceledException)
        {
            Output.Warn($"Stopped; {settings.Out}/last.ckpt holds the last finished epoch: continue with --resume.");
            return CliApp.Cancelled;
        }
    }

    /// <summary>One line per finished epoch, and a line per tenth of the encoding pass (it takes minutes on a CPU).</summary>
    private sealed class ConsoleProgress : IProgress<TemporalProgress>
    {
        private int lastTenth = -1;
        private string lastPhase = "";

        public void Report(TemporalProgress value)
        {
            if (value.Phase != lastPhase) (lastPhase, lastTenth) = (value.Phase, -1);
            var tenth = value.Total == 0 ? 10 : 10 * value.Done / value.Total;
            if (tenth == lastTenth) return;
            lastTenth = tenth;
            Output.Info(value.Phase == "train"
                ? $"epoch {value.Epoch}: batch {value.Done}/{value.Total}"
                : $"{value.Phase}: {value.Done}/{value.Total} faces");
        }
    }
}
