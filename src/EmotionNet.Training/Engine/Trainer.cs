using System.Diagnostics;
using EmotionNet.Core;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.IO;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.MixedPrecision;
using EmotionNet.Training.Options;
using EmotionNet.Training.Reporting;
using TorchSharp;
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
        // The session below owns the model from here on and disposes it.
        var model = resumed?.CreateModel(files.Last) ?? CreateInitialModel(config, run, classes);
        model.to(device);
        Report(new TrainingEvent.Note($"Model: {config.Summary}, {model.ParameterCount:N0} parameters; T = {run.SequenceLength}, {run.Precision.ToString().ToLowerInvariant()}, batch {run.BatchSize}, {run.Epochs} epoch(s)."));
        var optimizer = TrainingStep.CreateOptimizer(model, run);
        if (resumed is not null)
        {
            resumed.RestoreOptimizer(optimizer, files.Last);
            Report(new TrainingEvent.Note($"Resuming from {files.Last}: {state.CompletedEpochs} epoch(s) and {state.PartialBatches} batch(es) done, best validation accuracy {Math.Max(0, state.BestAccuracy):P2} at epoch {state.BestEpoch}."));
        }
        var mixed = run.Precision == Precision.Bf16 ? new MixedPrecisionModel(model, device) : null;
        // A resumed run keeps the input normalization it was trained with.
        var inputs = resumed?.Metadata.Normalization ?? normalization;
        var loss = new TrainingLoss(run, train, device);
        var teachers = run.Teachers.Count == 0 ? null : TeacherEnsemble.Load(run.Teachers, classes, inputs, run.DistillationTemperature, device);
        if (teachers is not null)
            Report(new TrainingEvent.Note($"Distilling {teachers.Count} teacher(s) at temperature {run.DistillationTemperature}, weight {run.DistillationWeight}: {string.Join(", ", run.Teachers)}."));
        var average = run.WeightAverageDecay > 0 ? CreateAverage(model, run, resumed, files) : null;
        using var session = new TrainingSession(model, optimizer, mixed, loss, teachers, average, run, files, classes, inputs, train, device, plots, Report);

        var validation = data.PublicTest.Count > 0 ? data.PublicTest : null;
        if (validation is null)
            Report(new TrainingEvent.Note($"{data.PublicTest.Source} has no PublicTest clips: no validation, no early stopping; each epoch replaces best.ckpt, so the last epoch is the one selected."));
        var (cancelled, stoppedEarly) = (false, false);
        for (var epoch = state.CompletedEpochs + 1; epoch <= run.Epochs && !cancelled && !stoppedEarly; epoch++)
        {
            var watch = Stopwatch.StartNew();
            (state, cancelled) = session.TrainEpoch(epoch, state, cancellationToken);
            if (cancelled)
            {
                session.SaveLast(state);
                Report(new TrainingEvent.Stopped(epoch - 1, state.PartialBatches, files.Last));
                break;
            }
            state = session.EndEpoch(epoch, state, validation, watch);
            stoppedEarly = validation is not null && run.EarlyStoppingPatience > 0 && epoch - state.BestEpoch >= run.EarlyStoppingPatience;
            if (stoppedEarly)
                Report(new TrainingEvent.Note($"Early stopping: no better validation accuracy for {run.EarlyStoppingPatience} epoch(s); best was epoch {state.BestEpoch}."));
            else if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                Report(new TrainingEvent.Stopped(epoch, 0, files.Last));
            }
        }

        var splits = File.Exists(files.Best)
            ? FinalReport.Write(files, data, session.Evaluation, device, plots, note => Report(new TrainingEvent.Note(note)))
            : new Dictionary<string, ClassificationMetrics>();
        return new TrainingResult(outputDirectory, files.Best, files.Last, state.BestEpoch, state.History, splits, cancelled, stoppedEarly);
    }

    private EmotionNetModel CreateInitialModel(ModelConfig config, TrainingOptions run, ClassSet classes)
    {
        if (run.InitialCheckpoint is not { } path) return new EmotionNetModel(config);
        var start = Checkpoint.Load(path);
        const string option = $"{nameof(TrainingOptions)}.{nameof(TrainingOptions.InitialCheckpoint)}";
        if (start.Classes.Name != classes.Name)
            throw new EmotionNetException($"The initial checkpoint '{path}' was trained on {start.Classes.Name}, but the data is loaded as {classes.Name}.") { Option = option };
        if (!RunCheckpoints.SameArchitecture(start.Metadata.Model, config))
            throw new EmotionNetException($"The initial checkpoint '{path}' has another architecture ({RunCheckpoints.Describe(start.Metadata.Model)}) than the model being trained ({RunCheckpoints.Describe(config)}).") { Option = option };
        Report(new TrainingEvent.Note($"Starting from the weights of {path} (epoch {start.Metadata.Epoch}, T = {start.Metadata.SequenceLength})."));
        return start.CreateModel(path);
    }

    private WeightAverage CreateAverage(EmotionNetModel model, TrainingOptions run, Checkpoint? resumed, RunFiles files)
    {
        if (resumed is null) return new WeightAverage(model, run.WeightAverageDecay);
        if (!resumed.HasAveragedState)
        {
            Report(new TrainingEvent.Note($"'{files.Last}' holds no weight average: the average starts again from its weights."));
            return new WeightAverage(model, run.WeightAverageDecay);
        }
        using var saved = resumed.CreateAveragedModel(files.Last);
        saved.to(model.parameters().First().device);
        return new WeightAverage(model, run.WeightAverageDecay, saved);
    }

    private void Report(TrainingEvent e) => progress?.Report(e);
}
