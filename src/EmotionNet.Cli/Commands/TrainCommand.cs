using System.CommandLine;
using EmotionNet.Cli.Console;
using EmotionNet.Core.Models;
using EmotionNet.Plotting;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Options;

namespace EmotionNet.Cli.Commands;

/// <summary><c>emotionnet train</c>: flags to <see cref="TrainSettings"/> (<see cref="TrainingOptions"/>, <see cref="ModelConfig"/>), then <see cref="Trainer"/>.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var flags = new TrainFlags();
        var command = new Command("train", "Train the CNN+LSTM on FER2013 or a folder of labelled clips; writes checkpoints, metrics and plots.");
        flags.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(TrainSettings.Parse(parse, flags), cancellationToken)));
        return command;
    }

    private static int Run(TrainSettings settings, CancellationToken cancellationToken)
    {
        // Fail on a missing GPU before spending time on data.
        _ = Devices.Resolve(settings.Training.Device);

        Output.Info($"Loading {settings.Data.Description}...");
        var splits = settings.Data.Load(settings.Classes);
        LoadReportView.Show(splits.Report);
        LoadReportView.ShowSplits(splits);
        if (settings.Data.IsSample)
            Output.Info("Training on the embedded sample: a demonstration of the whole flow, not a useful model (use --data for FER2013).");

        var result = TrainingProgressView.Run(progress =>
            new Trainer(settings.Model, settings.Training, progress, settings.Normalization, TrainingPlots.Instance).Fit(splits, settings.Out, settings.Resume, cancellationToken));

        foreach (var (split, metrics) in result.Splits) MetricsTable.Show(split, metrics);
        Output.Info($"Best epoch {result.BestEpoch}. Wrote {settings.Out}/: best.ckpt, last.ckpt, metrics.json, confusion-matrix.png, training-curves.png, epochs.csv.");
        return result.Cancelled ? CliApp.Cancelled : 0;
    }
}
