using System.Diagnostics;
using EmotionNet.Checkpoints;
using EmotionNet.Data;
using EmotionNet.Evaluation;
using EmotionNet.IO;
using EmotionNet.Imaging;
using EmotionNet.Models;
using EmotionNet.Runtime;
using EmotionNet.Training.Options;
using EmotionNet.Training.MixedPrecision;
using EmotionNet.Training.Reporting;
using EmotionNet.Training.Schedules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.Engine;

/// <summary>
/// Trains an <see cref="EmotionNetModel"/> on clips: seeded, resumable, mixed precision on request,
/// validated on PublicTest after every epoch. Writes checkpoints, metrics, plots and an epoch log
/// to the run folder; reports through <see cref="IProgress{T}"/> and never touches the console.
/// </summary>
public sealed class Trainer
{
    private readonly ModelConfig modelConfig;
    private readonly TrainingOptions options;
    private readonly InputNormalization normalization;
    private readonly IProgress<TrainingEvent>? progress;
    private readonly ITrainingPlots? plots;

    /// <summary>
    /// A trainer for <paramref name="modelConfig"/> with <paramref name="options"/>, reporting to
    /// <paramref name="progress"/>. <paramref name="plots"/> draws training-curves.png and the confusion
    /// matrices (EmotionNet.Plotting's <c>TrainingPlots.Instance</c>); without it the run writes no PNGs.
    /// </summary>
    public Trainer(ModelConfig modelConfig, TrainingOptions options, IProgress<TrainingEvent>? progress = null, InputNormalization? normalization = null, ITrainingPlots? plots = null)
    {
        ArgumentNullException.ThrowIfNull(modelConfig);
        ArgumentNullException.ThrowIfNull(options);
        this.modelConfig = modelConfig.Validate();
        this.options = options.Validate();
        this.normalization = normalization ?? InputNormalization.Default;
        this.progress = progress;
        this.plots = plots;
    }

    /// <summary>
    /// Trains on <paramref name="data"/>'s Training split, selects on PublicTest, and writes the run
    /// to <paramref name="outputDirectory"/>. With <paramref name="resume"/> it continues from the
    /// folder's last checkpoint (its recipe and architecture win; device, threads and workers are this call's). Cancellation stops at the next
    /// batch, saves the last checkpoint, writes the reports and returns with Cancelled set.
    /// </summary>
    public TrainingResult Fit(FaceDataSplits data, string outputDirectory, bool resume = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        NativeRuntime.EnsureTorch();
        var files = new RunFiles(outputDirectory);
        AtomicFile.EnsureDirectory(outputDirectory);
        // A run killed while writing leaves hidden temporary files; this run owns the folder now.
        if (AtomicFile.DeleteLeftovers(outputDirectory) is > 0 and var leftovers)
            Report(new TrainingEvent.Note($"Removed {leftovers} temporary file(s) an interrupted write left in {outputDirectory}."));

        var (run, config, state, resumed) = resume ? RunCheckpoints.LoadResumePoint(files, options) : (options, modelConfig, new TrainingState(), null);
        // libtorch's thread count is process-wide: set for this run only, restored when Fit returns.
        using var threads = TorchThreads.Use(run.Threads);
        var device = Devices.Resolve(run.Device);
        var classes = data.Training.Classes;
        if (config.NumClasses != classes.Count)
            throw new EmotionNetException($"The model has {config.NumClasses} outputs but the data uses class set {classes.Name} ({classes.Count} classes).");
        if (resumed is not null && resumed.Classes.Name != classes.Name)
            throw new EmotionNetException($"'{files.Last}' was trained on class set {resumed.Classes.Name}, but the data is loaded as {classes.Name}.");
        var train = run.MaxTrainRows is { } max ? data.Training.Subset(max, run.Seed) : data.Training;
        if (train.Count == 0) throw new EmotionNetException($"{data.Training.Source} has no training clips.");

        random.manual_seed(run.Seed);
        using var model = resumed?.CreateModel(files.Last) ?? CreateInitialModel(config, run, classes);
        model.to(device);
        Report(new TrainingEvent.Note($"Model: {config.Summary}, {model.ParameterCount:N0} parameters; T = {run.SequenceLength}, {run.Precision.ToString().ToLowerInvariant()}, batch {run.BatchSize}, {run.Epochs} epoch(s)."));
        var optimizer = TrainingStep.CreateOptimizer(model, run);
        if (resumed is not null)
        {
            resumed.RestoreOptimizer(optimizer, files.Last);
            Report(new TrainingEvent.Note($"Resuming from {files.Last}: {state.CompletedEpochs} epoch(s) and {state.PartialBatches} batch(es) done, best validation accuracy {Math.Max(0, state.BestAccuracy):P2} at epoch {state.BestEpoch}."));
        }
        using var mixed = run.Precision == Precision.Bf16 ? new MixedPrecisionModel(model, device) : null;
        using var classWeights = run.ClassWeights ? InverseFrequencyWeights(train).to(device) : null;

        var loaderOptions = new ClipLoaderOptions
        {
            BatchSize = run.BatchSize,
            SequenceLength = run.SequenceLength,
            Shuffle = true,
            Augmentation = run.Augmentation,
            Seed = run.Seed,
            Normalization = normalization,
            Workers = run.DataWorkers,
            DropLast = train.Count > run.BatchSize,
        };
        var batchesPerEpoch = loaderOptions.DropLast ? train.Count / run.BatchSize : (train.Count + run.BatchSize - 1) / run.BatchSize;
        var schedule = new LearningRateSchedule(run.Schedule, run.LearningRate, (long)batchesPerEpoch * run.Epochs, run.WarmupFraction);
        var evaluation = new EvaluationOptions { SequenceLength = run.SequenceLength, FlipAveraging = run.FlipAveraging, Normalization = normalization };

        var cancelled = false;
        var stoppedEarly = false;
        for (var epoch = state.CompletedEpochs + 1; epoch <= run.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            (state, cancelled) = TrainEpoch(model, mixed, optimizer, schedule, classWeights, train, loaderOptions, run, epoch, batchesPerEpoch, state, device, cancellationToken);
            if (cancelled)
            {
                RunCheckpoints.Save(files.Last, model, optimizer, classes, normalization, run, state);
                Report(new TrainingEvent.Note($"Stopped during epoch {epoch} after {state.PartialBatches} batch(es); saved {files.Last}. Continue with --resume."));
                break;
            }

            var trainSeconds = watch.Elapsed.TotalSeconds;
            Report(new TrainingEvent.Progress(new EpochProgress(epoch, run.Epochs, batchesPerEpoch, batchesPerEpoch, 0, 0, 0, "validate")));
            var validation = Evaluator.Evaluate(model, data.PublicTest, evaluation, device, cancellationToken: CancellationToken.None);
            var seen = Math.Max(1, state.PartialSeen);
            var record = new EpochRecord(epoch, state.PartialLossSum / seen, (double)state.PartialCorrect / seen,
                validation.Loss ?? double.NaN, validation.Accuracy, validation.MacroF1, schedule.At(state.Step - 1),
                watch.Elapsed.TotalSeconds, state.PartialSeen * run.SequenceLength / Math.Max(1e-9, trainSeconds));
            var isBest = data.PublicTest.Count == 0 || validation.Accuracy > state.BestAccuracy;
            state = state with
            {
                CompletedEpochs = epoch, PartialBatches = 0, PartialLossSum = 0, PartialCorrect = 0, PartialSeen = 0,
                History = [.. state.History, record],
                BestAccuracy = isBest ? validation.Accuracy : state.BestAccuracy,
                BestEpoch = isBest ? epoch : state.BestEpoch,
            };
            if (isBest) RunCheckpoints.Save(files.Best, model, null, classes, normalization, run, state);
            RunCheckpoints.Save(files.Last, model, optimizer, classes, normalization, run, state);
            EpochLog.Write(files.EpochLog, state.History);
            plots?.SaveTrainingCurves(state.History, files.Curves);
            Report(new TrainingEvent.EpochEnded(record, isBest));

            if (run.EarlyStoppingPatience > 0 && epoch - state.BestEpoch >= run.EarlyStoppingPatience)
            {
                stoppedEarly = true;
                Report(new TrainingEvent.Note($"Early stopping: no better validation accuracy for {run.EarlyStoppingPatience} epoch(s); best was epoch {state.BestEpoch}."));
                break;
            }
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                Report(new TrainingEvent.Note($"Stopped after epoch {epoch}; saved {files.Last}. Continue with --resume."));
                break;
            }
        }

        var splits = File.Exists(files.Best)
            ? FinalReport.Write(files, data, evaluation, device, plots, note => Report(new TrainingEvent.Note(note)))
            : new Dictionary<string, ClassificationMetrics>();
        return new TrainingResult(outputDirectory, files.Best, files.Last, state.BestEpoch, state.History, splits, cancelled, stoppedEarly);
    }

    private (TrainingState State, bool Cancelled) TrainEpoch(EmotionNetModel model, MixedPrecisionModel? mixed, OptimizerHelper optimizer,
        LearningRateSchedule schedule, Tensor? classWeights, FaceClipSet train, ClipLoaderOptions loaderOptions, TrainingOptions run,
        int epoch, int batchesPerEpoch, TrainingState state, Device device, CancellationToken cancellationToken)
    {
        model.train();
        var step = new TrainingStep(model, mixed, optimizer, run, classWeights);
        var watch = Stopwatch.StartNew();
        var framesThisSession = 0L;
        var batchIndex = 0;
        foreach (var batch in ClipBatchLoader.Batches(train, loaderOptions, epoch, CancellationToken.None))
        {
            using (batch)
            {
                // Batches before the resume point were trained on already; the loader regenerates them identically.
                if (batchIndex++ < state.PartialBatches) continue;
                if (cancellationToken.IsCancellationRequested) return (state, true);

                using var scope = NewDisposeScope();
                // A seed per batch makes dropout identical whether or not the run was interrupted.
                random.manual_seed(Seeds.Derive(run.Seed, epoch, batchIndex));
                var inputs = batch.Inputs.to(device);
                var labels = batch.Labels.to(device);
                var (loss, logits) = step.Run(inputs, labels, schedule.At(state.Step));

                var n = batch.Count;
                var correct = logits.argmax(1).eq(labels).sum().cpu().item<long>();
                state = state with
                {
                    Step = state.Step + 1,
                    PartialBatches = batchIndex,
                    PartialLossSum = state.PartialLossSum + loss.cpu().item<float>() * n,
                    PartialCorrect = state.PartialCorrect + correct,
                    PartialSeen = state.PartialSeen + n,
                };
                framesThisSession += (long)n * run.SequenceLength;
                Report(new TrainingEvent.Progress(new EpochProgress(epoch, run.Epochs, batchIndex, batchesPerEpoch,
                    state.PartialLossSum / state.PartialSeen, (double)state.PartialCorrect / state.PartialSeen,
                    framesThisSession / Math.Max(1e-9, watch.Elapsed.TotalSeconds), "train")));
            }
        }
        return (state, false);
    }

    private EmotionNetModel CreateInitialModel(ModelConfig config, TrainingOptions run, Emotions.ClassSet classes)
    {
        if (run.InitialCheckpoint is not { } path) return new EmotionNetModel(config);
        var start = Checkpoint.Load(path);
        if (start.Classes.Name != classes.Name)
            throw new EmotionNetException($"--init-from '{path}' was trained on {start.Classes.Name}, but the data is loaded as {classes.Name}.");
        if (!RunCheckpoints.SameArchitecture(start.Metadata.Model, config))
            throw new EmotionNetException($"--init-from '{path}' has another architecture ({RunCheckpoints.Describe(start.Metadata.Model)}) than the one asked for; pass the same model flags.");
        Report(new TrainingEvent.Note($"Starting from the weights of {path} (epoch {start.Metadata.Epoch}, T = {start.Metadata.SequenceLength})."));
        return start.CreateModel(path);
    }

    private static Tensor InverseFrequencyWeights(FaceClipSet set)
    {
        var counts = set.ClassCounts();
        var total = counts.Sum();
        // Normalized so the mean weight is 1: the loss scale (and so the learning rate) stays comparable.
        var weights = counts.Select(c => c == 0 ? 0f : (float)total / (counts.Length * c)).ToArray();
        return tensor(weights);
    }

    private void Report(TrainingEvent e) => progress?.Report(e);
}
