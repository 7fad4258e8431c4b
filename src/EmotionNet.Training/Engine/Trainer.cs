using System.Text.Json;
using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Core.Reporting;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.MixedPrecision;
using EmotionNet.Training.Optimization;
using EmotionNet.Training.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace EmotionNet.Training.Engine;

/// <summary>
/// Trains an <see cref="EmotionNetModel"/> on clips: seeded, resumable, mixed precision on request,
/// validated on PublicTest after every epoch. Writes checkpoints, metrics, plots and an epoch log
/// to the run folder; reports through <see cref="IProgress{T}"/> and never touches the console.
/// Runs on <see cref="TrainingRun"/>, the loop it shares with temporal training.
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
        this.normalization = (normalization ?? InputNormalization.Default).Validate();
        this.progress = progress;
        this.plots = plots;
    }

    /// <summary>
    /// Trains on <paramref name="data"/>'s Training split, selects on PublicTest, and writes the run to
    /// <paramref name="outputDirectory"/>. With <paramref name="resume"/> it continues from the folder's last
    /// checkpoint: its recipe and architecture win; device, threads and workers are this call's, and
    /// <see cref="TrainingOptions.Epochs"/> may extend the run, never shorten it (the learning-rate plan is then
    /// extended, docs/training.md). Cancellation stops at the next batch, saves the last checkpoint, writes the
    /// reports and returns with Cancelled set.
    /// </summary>
    /// <exception cref="NothingToResumeException"><paramref name="resume"/>, but the folder has no last.ckpt.</exception>
    public TrainingResult Fit(FaceDataSplits data, string outputDirectory, bool resume = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        NativeRuntime.EnsureTorch();
        var files = RunFiles.Prepare(outputDirectory, Report);
        var resumed = resume ? RunFiles.LoadLast(files) : null;
        var record = resumed is null ? null : RunRecord.Read(resumed.Metadata, files.Last);
        if (record is not null && record.Kind != RunRecord.Clip)
            throw new CheckpointException($"'{files.Last}' is a {record.Kind} training run's checkpoint, not a clip classifier's; resume it with the trainer that wrote it.");
        var saved = record?.ReadOptions<TrainingOptions>(files.Last, o => o.Validate());
        var run = saved is null ? options : ResumeOptions(saved);
        var config = resumed?.Metadata.Model ?? modelConfig;
        // libtorch's thread count is process-wide: set for this run only when asked, restored when Fit returns.
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
        var state = record?.State ?? new TrainingState();
        using var task = CreateTask(run, config, classes, resumed, record?.State, files, train, data.PublicTest.Count > 0 ? data.PublicTest : null, device);
        // A checkpoint without a saved plan ran on the plan its options make.
        var plan = TrainingRun.ContinuePlan(state.Schedule, task.Plan((saved ?? run).Epochs), state.Step, (long)task.BatchesPerEpoch * run.Epochs, Note);
        state = state with { Schedule = plan };
        if (!task.Validates)
            Report(new TrainingEvent.Note($"{data.PublicTest.Source} has no PublicTest clips: no validation, no early stopping; each epoch replaces best.ckpt, so the last epoch is the one selected."));

        var loop = new TrainingRun(task, files, RunRecord.Clip, JsonSerializer.SerializeToNode(run, RunRecord.Json)!, null, run.Epochs, run.EarlyStoppingPatience, plots, Report);
        var outcome = loop.Execute(state, cancellationToken);
        state = outcome.State;
        var splits = File.Exists(files.Best)
            ? FinalReport.Write(files, data, task.Evaluation, device, plots, Note)
            : new Dictionary<string, ClassificationMetrics>();
        return new TrainingResult(outputDirectory, files.Best, files.Last, state.BestEpoch, state.History, splits, outcome.Cancelled, outcome.StoppedEarly);
    }

    // The saved recipe, run where and as long as this call says (never shorter than planned): a run can move machines.
    private TrainingOptions ResumeOptions(TrainingOptions saved)
    {
        return saved with
        {
            Epochs = Math.Max(saved.Epochs, options.Epochs),
            Device = options.Device,
            Threads = options.Threads,
            DataWorkers = options.DataWorkers,
        };
    }

    private ClipTrainingTask CreateTask(TrainingOptions run, ModelConfig config, ClassSet classes, Checkpoint? resumed, TrainingState? state, RunFiles files,
        FaceClipSet train, FaceClipSet? validation, Device device)
    {
        // The task owns the model and everything made for it from here on, and disposes them.
        var model = resumed?.CreateModel(files.Last) ?? CreateInitialModel(config, run, classes);
        model.to(device);
        Note($"Model: {config.Summary}, {model.ParameterCount:N0} parameters; T = {run.SequenceLength}, {run.Precision.ToString().ToLowerInvariant()}, batch {run.BatchSize}, {run.Epochs} epoch(s).");
        var optimizer = Optimizers.Create(model, run);
        MixedPrecisionModel? mixed = null;
        TrainingLoss? loss = null;
        TeacherEnsemble? teachers = null;
        WeightAverage? average = null;
        try
        {
            if (resumed is not null && state is not null)
            {
                resumed.RestoreOptimizer(optimizer, files.Last);
                Note($"Resuming from {files.Last}: {state.CompletedEpochs} epoch(s) and {state.PartialBatches} batch(es) done, best validation accuracy {Math.Max(0, state.BestAccuracy):P2} at epoch {state.BestEpoch}.");
            }
            mixed = run.Precision == Precision.Bf16 ? new MixedPrecisionModel(model, device) : null;
            // A resumed run keeps the input normalization it was trained with.
            var inputs = resumed?.Metadata.Normalization ?? normalization;
            loss = new TrainingLoss(run, train, device);
            teachers = run.Teachers.Count == 0 ? null : TeacherEnsemble.Load(run.Teachers, classes, inputs, run.DistillationTemperature, device);
            if (teachers is not null)
                Note($"Distilling {teachers.Count} teacher(s) at temperature {run.DistillationTemperature}, weight {run.DistillationWeight}: {string.Join(", ", run.Teachers)}.");
            average = run.WeightAverageDecay > 0 ? CreateAverage(model, run, resumed, files) : null;
            return new ClipTrainingTask(model, optimizer, mixed, loss, teachers, average, run, classes, inputs, train, validation, device);
        }
        catch
        {
            average?.Dispose();
            teachers?.Dispose();
            loss?.Dispose();
            mixed?.Dispose();
            optimizer.Dispose();
            model.Dispose();
            throw;
        }
    }

    private EmotionNetModel CreateInitialModel(ModelConfig config, TrainingOptions run, ClassSet classes)
    {
        if (run.InitialCheckpoint is not { } path) return new EmotionNetModel(config);
        var start = Checkpoint.Load(path);
        const string option = $"{nameof(TrainingOptions)}.{nameof(TrainingOptions.InitialCheckpoint)}";
        if (start.Classes.Name != classes.Name)
            throw new EmotionNetException($"The initial checkpoint '{path}' was trained on {start.Classes.Name}, but the data is loaded as {classes.Name}.") { Option = option };
        if (!SameArchitecture(start.Metadata.Model, config))
            throw new EmotionNetException($"The initial checkpoint '{path}' has another architecture ({Describe(start.Metadata.Model)}) than the model being trained ({Describe(config)}).") { Option = option };
        Note($"Starting from the weights of {path} (epoch {start.Metadata.Epoch}, T = {start.Metadata.SequenceLength}).");
        return start.CreateModel(path);
    }

    private WeightAverage CreateAverage(EmotionNetModel model, TrainingOptions run, Checkpoint? resumed, RunFiles files)
    {
        if (resumed is null) return new WeightAverage(model, run.WeightAverageDecay);
        if (!resumed.HasAveragedState)
        {
            Note($"'{files.Last}' holds no weight average: the average starts again from its weights.");
            return new WeightAverage(model, run.WeightAverageDecay);
        }
        using var saved = resumed.CreateAveragedModel(files.Last);
        saved.to(model.parameters().First().device);
        return new WeightAverage(model, run.WeightAverageDecay, saved);
    }

    // Whether two configurations describe the same architecture (records holding lists compare by reference).
    private static bool SameArchitecture(ModelConfig a, ModelConfig b) => Describe(a) == Describe(b);

    // The configuration as compact JSON, for comparisons and messages.
    private static string Describe(ModelConfig config) => JsonSerializer.Serialize(config, RunRecord.Json);

    private void Note(string message) => Report(new TrainingEvent.Note(message));

    private void Report(TrainingEvent e) => progress?.Report(e);
}
