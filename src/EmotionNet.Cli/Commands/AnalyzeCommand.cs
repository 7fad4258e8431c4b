using System.CommandLine;
using EmotionNet.Cli.Analysis;
using EmotionNet.Cli.Console;
using EmotionNet.Inference.Analysis;
using OpenCvSharp;

namespace EmotionNet.Cli.Commands;

/// <summary>'emotionnet analyze': <see cref="AnalyzeFlags"/> to <see cref="AnalyzeSettings"/> (or <see cref="BatchSettings"/>), then the library's analysis.</summary>
internal static class AnalyzeCommand
{
    public static Command Create() => Create(Classifiers.Load);

    public static Command Create(ClassifierLoader loadClassifier)
    {
        var flags = new AnalyzeFlags();
        var command = new Command("analyze", "Detect faces and recognize their emotions in an image, image folder, video or camera; writes frames.csv/json, segments.csv/json, summary.json/txt and timeline.png (faces.png for a folder of unrelated photos).");
        flags.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inputs = parse.GetValue(flags.Input) ?? [];
            if (flags.Batch.IsBatch(parse, inputs))
                return await BatchAnalyze.RunAsync(flags.Batch.Parse(parse, inputs, AnalyzeSettings.ParseForBatch(parse, flags)), loadClassifier, cancellationToken);
            return await RunAsync(AnalyzeSettings.Parse(parse, flags), loadClassifier, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(AnalyzeSettings settings, ClassifierLoader loadClassifier, CancellationToken cancellationToken)
    {
        // Our errors name the file or camera; OpenCV's own warnings (e.g. probing absent cameras) would only add noise.
        Cv2.SetLogLevel(OpenCvSharp.LogLevel.SILENT);
        var classifier = loadClassifier(settings.Model);
        Output.Info($"Model: {settings.Model.SourceName}, backend {settings.Model.BackendName}.");
        try
        {
            var report = await AnalysisProgressView.RunAsync(settings.Source.Name,
                progress => AnalysisRunner.RunAsync(classifier, settings.Source, settings.Analyzer, settings.Output, progress, cancellationToken));
            SummaryTable.Print(report);
            if (report.Cancelled) return CliApp.Cancelled;
            var skipped = report.Summary.Skipped.Count;
            if (skipped == 0) return 0;
            if (report.Summary.FramesProcessed == 0)
            {
                Output.Error($"No image of '{settings.Source.Name}' could be read ({skipped} skipped; the reasons are listed above and in {OutputOptions.SummaryText}).");
                return CliApp.Failure;
            }
            Output.Warn($"{skipped} file(s) of '{settings.Source.Name}' were skipped (listed above and in {OutputOptions.SummaryJson}); the others were analyzed.");
            return CliApp.PartialFailure;
        }
        finally
        {
            (classifier as IDisposable)?.Dispose();
        }
    }
}
