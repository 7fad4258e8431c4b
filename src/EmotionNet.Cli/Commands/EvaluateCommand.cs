using System.CommandLine;
using EmotionNet.Cli.Console;
using EmotionNet.Core;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.IO;
using EmotionNet.Plotting;
using Spectre.Console;

namespace EmotionNet.Cli.Commands;

/// <summary><c>emotionnet evaluate</c>: scores a checkpoint on one split or all clips; writes metrics.json and confusion-matrix.png.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var flags = new EvaluateSettings.Flags();
        var command = new Command("evaluate", "Score a checkpoint on a FER2013 split or a folder data set; prints a per-class table.");
        flags.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(EvaluateSettings.Parse(parse, flags), cancellationToken)));
        return command;
    }

    private static int Run(EvaluateSettings settings, CancellationToken cancellationToken)
    {
        // Either backend is scored by the one loop (Evaluator): the same clips and flip averaging, so a
        // checkpoint and its export print the same accuracy.
        var classifier = Classifiers.Load(settings.Model);
        using var owned = classifier as IDisposable;
        var source = settings.Model.SourceName;

        Output.Info($"Loading {settings.Data.Description}...");
        var splits = settings.Data.Load(classifier.Classes);
        LoadReportView.Show(splits.Report);
        var chosen = EvaluationClips.Select(splits, settings.Evaluation.Split);
        var which = chosen.Split.ToString();
        var set = chosen.Clips;
        if (set.Count == 0) throw new EmotionNetException($"{settings.Data.Description} has no {which} clips.");
        var why = !chosen.IsDefault ? "" : splits.SplitByRule
            ? ": the default for a folder without split folders (--split to choose one)"
            : ": the default for data that names its splits (--split all scores every clip)";
        Output.Info($"Scoring {chosen.Description} of {settings.Data.Description}{why}.");

        ClassificationMetrics metrics = null!;
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"{which} ({set.Count} clips)", maxValue: set.Count);
                var progress = new SyncProgress<int>(done => task.Value = done);
                metrics = Evaluator.Evaluate(classifier, set, settings.Evaluation, progress, cancellationToken);
            });

        var outDir = settings.Out;
        AtomicFile.EnsureDirectory(outDir);
        MetricsReport.Write(Path.Combine(outDir, "metrics.json"), source, new Dictionary<string, ClassificationMetrics> { [which] = metrics });
        ConfusionMatrixPlot.Save(metrics, Path.Combine(outDir, "confusion-matrix.png"), which);
        MetricsTable.Show(which, metrics);
        // Plain Console.Out, not AnsiConsole: Spectre wraps a long line at its width even when redirected,
        // and this is the line scripts and logs look for.
        System.Console.Out.WriteLine($"{which} accuracy: {metrics.Accuracy * 100:F2}% on {chosen.Description} of {settings.Data.Description}, checkpoint {source}, backend {settings.Model.BackendName}");
        return 0;
    }
}
