using System.CommandLine;
using EmotionNet.Cli.Console;
using EmotionNet.Core;
using EmotionNet.Core.Data;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.IO;
using EmotionNet.Inference.Analysis;
using EmotionNet.Plotting;
using Spectre.Console;

namespace EmotionNet.Cli.Commands;

/// <summary>
/// <c>emotionnet evaluate</c>: scores a checkpoint on one split or all clips; writes metrics.json and
/// confusion-matrix.png, and for a folder of photos no-face.csv (<see cref="PhotoFaceDecoder"/>).
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>The list of photos without a face found, in --out.</summary>
    public const string NoFaceFile = "no-face.csv";

    public static Command Create()
    {
        var flags = new EvaluateSettings.Flags();
        var command = new Command("evaluate", "Score a checkpoint on a FER2013 split or a folder data set (face crops, or photos whose largest face is found and cropped as analyze does); prints a per-class table.");
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
        var normalization = classifier.Normalization;
        // --stretch-contrast on/off sets the stretch for this run (an ONNX model is refused unless it already agrees).
        var overridden = settings.Model.StretchContrast is not null;
        Output.Info($"Input normalization: {ModelNormalization.Describe(normalization)} ({(overridden ? "as --stretch-contrast asks" : "the model's own")}).");

        Output.Info($"Loading {settings.Data.Description}...");
        // One decoder (and so one face detector, which is not thread-safe) for this read.
        using var decoder = settings.Data.IsFolder ? new PhotoFaceDecoder(settings.Faces) : null;
        var splits = settings.Data.Load(classifier.Classes, decoder);
        LoadReportView.Show(splits.Report);
        var chosen = EvaluationClips.Select(splits, settings.Evaluation.Split);
        var which = chosen.Split.ToString();
        var set = chosen.Clips;
        var outDir = settings.Out;
        AtomicFile.EnsureDirectory(outDir);

        // Photos whose face was searched: every one without a face found is listed, and counts as wrong end to end.
        var searched = decoder is { ImagesSearched: > 0 };
        var notFound = splits.Report.FacesNotFound.Where(p => chosen.Includes(p.Split)).ToArray();
        var noFaceList = Path.Combine(outDir, NoFaceFile);
        if (searched)
        {
            FacesNotFoundCsv.Write(noFaceList, notFound, set.Classes);
            FaceSearchView.ShowSearch(decoder!, set.Count, notFound.Length, noFaceList);
        }
        if (set.Count == 0)
        {
            throw new EmotionNetException(notFound.Length > 0
                ? $"No face was found in any of the {notFound.Length} {which} photos of {settings.Data.Description} (listed in {noFaceList})."
                : $"{settings.Data.Description} has no {which} clips.");
        }
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

        var endToEnd = searched ? EndToEndMetrics.From(metrics, CountPerClass(notFound, set.Classes.Count)) : null;
        MetricsReport.Write(Path.Combine(outDir, "metrics.json"), new MetricsDocument(source, DateTimeOffset.UtcNow, new Dictionary<string, ClassificationMetrics> { [which] = metrics })
        {
            Normalization = normalization,
            NormalizationOverridden = overridden,
            Faces = decoder is null ? null : new FaceSearchReport(decoder.Method, decoder.ImagesTakenWhole, decoder.ImagesSearched,
                searched ? NoFaceFile : null, endToEnd is null ? new Dictionary<string, EndToEndMetrics>() : new Dictionary<string, EndToEndMetrics> { [which] = endToEnd }),
        });
        ConfusionMatrixPlot.Save(metrics, Path.Combine(outDir, "confusion-matrix.png"), searched ? $"{which}, faces found" : which);
        MetricsTable.Show(which, metrics, endToEnd);
        // Plain Console.Out, not AnsiConsole: Spectre wraps a long line at its width even when redirected,
        // and this is the line scripts and logs look for.
        var scope = searched ? " (only the photos whose face was found)" : "";
        System.Console.Out.WriteLine($"{which} accuracy: {metrics.Accuracy * 100:F2}% on {chosen.Description} of {settings.Data.Description}{scope}, checkpoint {source}, backend {settings.Model.BackendName}");
        if (endToEnd is not null) System.Console.Out.WriteLine(FaceSearchView.EndToEndLine(which, endToEnd));
        return 0;
    }

    private static long[] CountPerClass(IEnumerable<FaceNotFound> photos, int classes)
    {
        var counts = new long[classes];
        foreach (var photo in photos) counts[photo.Label]++;
        return counts;
    }
}
