using System.CommandLine;
using EmotionNet.Cli.Console;
using EmotionNet.Cli.Flags;
using EmotionNet.Emotions;
using EmotionNet.Models;
using EmotionNet.Plotting;
using EmotionNet.Runtime;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Options;

namespace EmotionNet.Cli.Commands;

/// <summary><c>emotionnet train</c>: flags to <see cref="TrainingOptions"/> and <see cref="ModelConfig"/>, then <see cref="Trainer"/>.</summary>
internal static class TrainCommand
{
    /// <summary>Batch size on the embedded sample unless --batch-size is given.</summary>
    private const int SampleBatchSize = 16;

    public static Command Create()
    {
        var defaults = new TrainingOptions();
        var model = new ModelConfig();
        var data = new DataFlags();
        var output = new Option<string>("--out") { Description = "Run folder for checkpoints, metrics.json, plots and epochs.csv.", DefaultValueFactory = _ => "runs/train" };
        var epochs = FlagParsers.Int("--epochs", defaults.Epochs, "Passes over the training split.", 1, 100_000);
        var batchSize = FlagParsers.Int("--batch-size", defaults.BatchSize, "Clips per optimizer step.", 1, 65_536);
        var lr = FlagParsers.Double("--lr", defaults.LearningRate, "Peak learning rate.", 1e-7, 10);
        var weightDecay = FlagParsers.Double("--weight-decay", defaults.WeightDecay, "Weight decay (decoupled for AdamW).", 0, 1);
        var seqLen = FlagParsers.Int("--seq-len", defaults.SequenceLength, "Frames per pseudo-sequence (T); 1 trains the CNN-only baseline.", 1, 64);
        var convWidths = FlagParsers.IntList("--conv-widths", model.ConvWidths.ToArray(), "Output channels of each conv block (each halves the resolution).", 1);
        var convsPerBlock = FlagParsers.Int("--convs-per-block", model.ConvsPerBlock, "3x3 convolutions per block.", 1, 8);
        var lstmHidden = FlagParsers.Int("--lstm-hidden", model.LstmHidden, "LSTM hidden size.", 1, 4096);
        var lstmLayers = FlagParsers.Int("--lstm-layers", model.LstmLayers, "Stacked LSTM layers.", 1, 8);
        var bidirectional = new Option<bool>("--bidirectional") { Description = "Bidirectional LSTM." };
        var pooling = FlagParsers.Choice("--pooling", model.Pooling, "How LSTM outputs over time become one vector");
        var activation = FlagParsers.Choice("--activation", model.Activation, "Activation of the conv stack");
        var dropout = FlagParsers.Double("--dropout", model.Dropout, "Dropout on frame features and before the classifier.", 0, 1, maxExclusive: true);
        var labelSmoothing = FlagParsers.Double("--label-smoothing", defaults.LabelSmoothing, "Label smoothing of the loss.", 0, 1, maxExclusive: true);
        var optimizer = FlagParsers.Choice("--optimizer", defaults.Optimizer, "Optimizer");
        var momentum = FlagParsers.Double("--momentum", defaults.Momentum, "SGD momentum (Nesterov).", 0, 1, maxExclusive: true);
        var schedule = FlagParsers.Choice("--schedule", defaults.Schedule, "Learning-rate schedule");
        var warmup = FlagParsers.Double("--warmup", defaults.WarmupFraction, "Share of steps spent warming up.", 0, 1, maxExclusive: true);
        var gradClip = FlagParsers.Double("--grad-clip", defaults.GradientClip, "Clip the gradient norm (0 = off).", 0, 1e6);
        var classWeights = new Option<bool>("--class-weights") { Description = "Weight the loss by inverse class frequency." };
        var patience = FlagParsers.Int("--patience", defaults.EarlyStoppingPatience, "Early stopping: epochs without a better PublicTest accuracy (0 = off).", 0, 100_000);
        var classes = new Option<string>("--classes") { Description = "Class set: fer7 (the FER2013 seven) or seed6 (without Disgust).", DefaultValueFactory = _ => ClassSet.Fer7.Name };
        classes.AcceptOnlyFromAmong([.. ClassSet.All.Select(c => c.Name)]);
        var device = FlagParsers.Choice("--device", defaults.Device, "Where to compute");
        var threads = FlagParsers.Int("--threads", defaults.Threads, "CPU threads for libtorch (0 = all cores).", 0, 1024);
        var workers = FlagParsers.Int("--workers", defaults.DataWorkers, "Threads that build augmented batches.", 1, 64);
        var seed = FlagParsers.Int("--seed", defaults.Seed, "Seed of weights, shuffling, augmentation and dropout.");
        var maxTrainRows = FlagParsers.Int("--max-train-rows", 0, "Train on a stratified subset of this many training clips (0 = all).", 0, int.MaxValue);
        var resume = new Option<bool>("--resume") { Description = "Continue the interrupted run in --out from its last checkpoint (its recipe wins; --epochs may extend it; --threads, --workers and --device are this invocation's)." };
        var initFrom = new Option<string?>("--init-from") { Description = "Start from this checkpoint's weights (same architecture), e.g. a --seq-len 1 model to fine-tune at T > 1." };
        var precision = FlagParsers.Choice("--precision", defaults.Precision, "Arithmetic: fp32, or bf16 mixed precision (fp32 master weights)");
        var noFlip = new Option<bool>("--no-flip-averaging") { Description = "Validate without averaging each face with its mirror image." };

        var command = new Command("train", "Train the CNN+LSTM on FER2013 or a folder of labelled clips; writes checkpoints, metrics and plots.");
        data.AddTo(command);
        foreach (var option in new Option[] { output, epochs, batchSize, lr, weightDecay, seqLen, convWidths, convsPerBlock, lstmHidden, lstmLayers, bidirectional,
                     pooling, activation, dropout, labelSmoothing, optimizer, momentum, schedule, warmup, gradClip, classWeights, patience, classes, device,
                     threads, workers, seed, maxTrainRows, resume, initFrom, precision, noFlip })
            command.Options.Add(option);

        command.SetAction((parse, cancellationToken) =>
        {
            var classSet = ClassSet.FromName(parse.GetValue(classes)!);
            var config = new ModelConfig
            {
                ConvWidths = parse.GetValue(convWidths)!,
                ConvsPerBlock = parse.GetValue(convsPerBlock),
                Activation = parse.GetValue(activation),
                Dropout = parse.GetValue(dropout),
                LstmHidden = parse.GetValue(lstmHidden),
                LstmLayers = parse.GetValue(lstmLayers),
                Bidirectional = parse.GetValue(bidirectional),
                Pooling = parse.GetValue(pooling),
                NumClasses = classSet.Count,
            };
            // The embedded sample has 210 training faces: a full-size batch would give one step per epoch.
            var onSample = parse.GetValue(data.Data) is null;
            var batch = onSample && parse.GetResult(batchSize) is null or { Implicit: true } ? SampleBatchSize : parse.GetValue(batchSize);
            var options = new TrainingOptions
            {
                // On --resume the run's own epoch count stands unless --epochs asks for more.
                Epochs = parse.GetValue(resume) && parse.GetResult(epochs) is null or { Implicit: true } ? 1 : parse.GetValue(epochs),
                BatchSize = batch,
                LearningRate = parse.GetValue(lr),
                WeightDecay = parse.GetValue(weightDecay),
                Optimizer = parse.GetValue(optimizer),
                Momentum = parse.GetValue(momentum),
                Schedule = parse.GetValue(schedule),
                WarmupFraction = parse.GetValue(warmup),
                LabelSmoothing = parse.GetValue(labelSmoothing),
                ClassWeights = parse.GetValue(classWeights),
                GradientClip = parse.GetValue(gradClip),
                EarlyStoppingPatience = parse.GetValue(patience),
                SequenceLength = parse.GetValue(seqLen),
                Precision = parse.GetValue(precision),
                Device = parse.GetValue(device),
                Threads = parse.GetValue(threads),
                DataWorkers = parse.GetValue(workers),
                Seed = parse.GetValue(seed),
                MaxTrainRows = parse.GetValue(maxTrainRows) is > 0 and var m ? m : null,
                InitialCheckpoint = parse.GetValue(initFrom),
                FlipAveraging = !parse.GetValue(noFlip),
            };
            Trainer trainer;
            try
            {
                trainer = new Trainer(config, options);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            // Fail on a missing GPU before spending time on data.
            _ = Devices.Resolve(options.Device);

            Output.Info($"Loading {data.Describe(parse)}...");
            var splits = data.Load(parse, classSet);
            LoadReportView.Show(splits.Report);
            LoadReportView.ShowSplits(splits);
            var outDir = parse.GetValue(output)!;
            if (onSample)
                Output.Info("Training on the embedded sample: a demonstration of the whole flow, not a useful model (use --data for FER2013).");

            var result = TrainingProgressView.Run(progress =>
                new Trainer(config, options, progress, plots: TrainingPlots.Instance).Fit(splits, outDir, parse.GetValue(resume), cancellationToken));

            foreach (var (split, metrics) in result.Splits) MetricsTable.Show(split, metrics);
            Output.Info($"Best epoch {result.BestEpoch}. Wrote {outDir}/: best.ckpt, last.ckpt, metrics.json, confusion-matrix.png, training-curves.png, epochs.csv.");
            return Task.FromResult(result.Cancelled ? CliApp.Cancelled : 0);
        });
        return command;
    }
}
