using System.CommandLine;
using EmotionNet.Checkpoints;
using EmotionNet.Cli.Console;
using EmotionNet.Cli.Flags;
using EmotionNet.Data;
using EmotionNet.Evaluation;
using EmotionNet.IO;
using EmotionNet.Plotting;
using EmotionNet.Runtime;
using EmotionNet.Training.Reporting;
using Spectre.Console;

namespace EmotionNet.Cli.Commands;

/// <summary><c>emotionnet evaluate</c>: scores a checkpoint on one split; writes metrics.json and confusion-matrix.png.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var data = new DataFlags();
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Checkpoint (.ckpt) or exported ONNX model (.onnx) to evaluate. Default: the shipped model." };
        var split = FlagParsers.Choice("--split", DataSplit.PrivateTest, "Split to score");
        var output = new Option<string>("--out") { Description = "Folder for metrics.json and confusion-matrix.png.", DefaultValueFactory = _ => "runs/evaluate" };
        var device = FlagParsers.Choice("--device", DeviceKind.Auto, "Where to compute");
        var batchSize = FlagParsers.Int("--batch-size", 256, "Clips per forward pass.", 1, 65_536);
        var noFlip = new Option<bool>("--no-flip-averaging") { Description = "Score without averaging each face with its mirror image." };

        var command = new Command("evaluate", "Score a checkpoint on a FER2013 split or a folder data set; prints a per-class table.");
        data.AddTo(command);
        foreach (var option in new Option[] { checkpoint, split, output, device, batchSize, noFlip }) command.Options.Add(option);

        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(checkpoint);
            var deviceKind = parse.GetValue(device);
            // An exported .onnx model is scored on ONNX Runtime through IEmotionClassifier, the same clips and
            // flip averaging as the checkpoint path (Evaluator), so the two print the same accuracy.
            using var onnx = path is not null && ModelFiles.IsOnnx(path) ? Classifiers.LoadOnnx(path, deviceKind) : null;
            if (onnx is null) _ = Devices.Resolve(deviceKind);
            var loaded = onnx is not null ? null : path is null ? ShippedModel.Load() : Checkpoint.Load(path);
            var source = path ?? ShippedModel.SourceName;
            var classes = onnx?.Classes ?? loaded!.Classes;

            Output.Info($"Loading {data.Describe(parse)}...");
            var splits = data.Load(parse, classes);
            LoadReportView.Show(splits.Report);
            var which = parse.GetValue(split);
            var set = splits[which];
            if (set.Count == 0) throw new EmotionNetException($"{data.Describe(parse)} has no {which} clips.");

            ClassificationMetrics metrics = null!;
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"{which} ({set.Count} clips)", maxValue: set.Count);
                    var progress = new SyncProgress<int>(done => task.Value = done);
                    metrics = onnx is not null
                        ? Evaluator.Evaluate(onnx, set, new EvaluationOptions { BatchSize = parse.GetValue(batchSize), FlipAveraging = !parse.GetValue(noFlip) }, progress, cancellationToken)
                        : Evaluator.Evaluate(loaded!, source, set, deviceKind, parse.GetValue(batchSize), !parse.GetValue(noFlip), progress, cancellationToken);
                });

            var outDir = parse.GetValue(output)!;
            AtomicFile.EnsureDirectory(outDir);
            MetricsReport.Write(Path.Combine(outDir, "metrics.json"), source, new Dictionary<string, ClassificationMetrics> { [which.ToString()] = metrics });
            ConfusionMatrixPlot.Save(metrics, Path.Combine(outDir, "confusion-matrix.png"), which.ToString());
            MetricsTable.Show(which.ToString(), metrics);
            AnsiConsole.WriteLine($"{which} accuracy: {metrics.Accuracy * 100:F2}% ({metrics.Count} clips, checkpoint {source})");
            return Task.FromResult(0);
        });
        return command;
    }
}
