using System.CommandLine;
using System.Globalization;
using EmotionNet.Cli.Console;
using EmotionNet.Core;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Plotting;
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
            "encoder frozen (docs/temporal.md). Writes best.ckpt, last.ckpt, epochs.csv, training-curves.png.");
        flags.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(TrainTemporalSettings.Parse(parse, flags), cancellationToken)));
        return command;
    }

    private static int Run(TrainTemporalSettings settings, CancellationToken cancellationToken)
    {
        _ = Devices.Resolve(settings.Training.Device);
        if (settings.InitFrom is null && !ShippedModel.IsAvailable)
            throw new EmotionNetException("No model to start from: this build ships none. Pass --init-from <checkpoint>, or train one with 'emotionnet train'.");
        var initial = settings.InitFrom is null ? ShippedModel.Load() : Checkpoint.Load(settings.InitFrom);
        Output.Info($"Loading {settings.Data.Description}...");
        var splits = settings.Data.Load(initial.Classes);
        LoadReportView.Show(splits.Report);
        LoadReportView.ShowSplits(splits);
        var result = TrainingProgressView.Run(progress =>
            new TemporalTrainer(settings.Training, progress, TrainingPlots.Instance).Fit(initial, splits, settings.Out, settings.Resume, cancellationToken));
        if (result.Epochs.FirstOrDefault(e => e.Epoch == result.BestEpoch) is { } best)
        {
            var corrupted = best.Extra.GetValueOrDefault(TemporalTrainer.CorruptedFrameAccuracy, double.NaN);
            Output.Info(double.IsFinite(best.ValidationAccuracy)
                ? string.Create(CultureInfo.InvariantCulture, $"Best epoch {result.BestEpoch}: PublicTest clips {best.ValidationAccuracy:P2} of frames right ({corrupted:P2} of corrupted frames).")
                : $"Last epoch {result.BestEpoch} kept (no validation).");
        }
        Output.Info($"Wrote {settings.Out}/: best.ckpt, last.ckpt, epochs.csv, training-curves.png.");
        return result.Cancelled ? CliApp.Cancelled : 0;
    }
}
