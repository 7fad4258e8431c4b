using EmotionNet.Training.Engine;
using Spectre.Console;

namespace EmotionNet.Cli.Console;

/// <summary>
/// Shows a run of either trainer: one progress bar over the preparation (temporal training encodes its faces
/// first), then over all batches (epoch, batch, loss, accuracy, frames per second, ETA), and a line per finished epoch.
/// </summary>
internal static class TrainingProgressView
{
    public static TrainingResult Run(Func<IProgress<TrainingEvent>, TrainingResult> train)
    {
        TrainingResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("starting", autoStart: true, maxValue: 1);
                result = train(new SyncProgress<TrainingEvent>(e => Show(task, e)));
                task.StopTask();
            });
        return result!;
    }

    private static void Show(ProgressTask task, TrainingEvent e)
    {
        switch (e)
        {
            case TrainingEvent.Progress { Value: var p }:
                task.MaxValue = (double)p.Batches * p.Epochs;
                task.Value = (double)(p.Epoch - 1) * p.Batches + p.Batch;
                task.Description = p.Phase == "validate"
                    ? $"epoch {p.Epoch}/{p.Epochs} validating"
                    : $"epoch {p.Epoch}/{p.Epochs} batch {p.Batch}/{p.Batches} loss {p.Loss:F3} acc {p.Accuracy:P1} {p.FramesPerSecond:F0} frames/s";
                break;
            case TrainingEvent.EpochEnded { Record: var r, IsBest: var best }:
                var validation = double.IsFinite(r.ValidationAccuracy)
                    ? $"val loss {r.ValidationLoss:F3} acc {r.ValidationAccuracy:P2} F1 {r.ValidationMacroF1:F3}"
                    : "no validation split";
                foreach (var (name, value) in r.Extra) validation += $" {name} {value:F3}";
                AnsiConsole.MarkupLine(
                    $"epoch {r.Epoch,3}: train loss {r.TrainLoss:F3} acc {r.TrainAccuracy:P1} | {validation} | lr {r.LearningRate:G3} | {r.FramesPerSecond:F0} frames/s, {r.Seconds:F0} s{(best ? " [green]best[/]" : "")}");
                break;
            case TrainingEvent.Preparing { What: var what, Done: var done, Total: var total }:
                task.MaxValue = Math.Max(1, total);
                task.Value = done;
                task.Description = $"{what} {done}/{total}";
                break;
            case TrainingEvent.Stopped { Epoch: var epoch, Batches: var batches, LastCheckpoint: var last }:
                var where = batches > 0 ? $"during epoch {epoch + 1} after {batches} batch(es)" : $"after epoch {epoch}";
                AnsiConsole.MarkupLine($"[grey]{Markup.Escape($"Stopped {where}; saved {last}. Continue with --resume.")}[/]");
                break;
            case TrainingEvent.Note { Message: var message }:
                AnsiConsole.MarkupLine($"[grey]{Markup.Escape(message)}[/]");
                break;
        }
    }
}
