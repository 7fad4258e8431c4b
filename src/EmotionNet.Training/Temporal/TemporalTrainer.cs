using System.Text.Json;
using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Data;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Reporting;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Optimization;
using TorchSharp;
using static TorchSharp.torch;

namespace EmotionNet.Training.Temporal;

/// <summary>
/// Teaches a trained model's LSTM and classifier to follow a stream frame by frame: change-aware clips
/// (<see cref="Augmentation.Temporal.TemporalClipPlan"/>) with a target at every frame, composed from
/// precomputed encoder features (<see cref="FeatureBank"/>); the encoder stays as it was, so per-frame
/// (still image) behaviour changes only through the LSTM's first step, which is trained too. Runs on
/// <see cref="TrainingRun"/>, the loop it shares with <see cref="Trainer"/>: the same run files (best.ckpt,
/// last.ckpt, epochs.csv, training-curves.png with plots), resume, cancellation, progress and checkpoint layout,
/// plus the feature banks (<see cref="TrainingBank"/>, <see cref="ValidationBank"/>) that a resumed run reads back.
/// </summary>
public sealed class TemporalTrainer
{
    /// <summary>The training faces' encoder features, kept so that a resumed run (or another recipe in the same folder) need not encode again.</summary>
    public const string TrainingBank = "features-training.bin";

    /// <summary>The PublicTest faces' encoder features, likewise.</summary>
    public const string ValidationBank = "features-publictest.bin";

    /// <summary>
    /// Temporal training's own validation figure, by its name in <see cref="EpochRecord.Extra"/>, epochs.csv and (prefixed
    /// <c>temporal_</c>) the checkpoints' metrics: the per-frame accuracy on the corrupted frames alone.
    /// </summary>
    public const string CorruptedFrameAccuracy = "val_corrupted_frame_accuracy";

    private readonly IProgress<TrainingEvent>? progress;
    private readonly ITrainingPlots? plots;

    /// <summary>
    /// Creates a trainer with <paramref name="options"/>, reporting to <paramref name="progress"/>; <paramref name="plots"/>
    /// draws training-curves.png (EmotionNet.Plotting's <c>TrainingPlots.Instance</c>).
    /// </summary>
    /// <exception cref="Core.Options.OptionsException">An option is out of range.</exception>
    public TemporalTrainer(TemporalTrainingOptions options, IProgress<TrainingEvent>? progress = null, ITrainingPlots? plots = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        this.progress = progress;
        this.plots = plots;
    }

    /// <summary>The settings.</summary>
    public TemporalTrainingOptions Options { get; }

    /// <summary>
    /// Trains from <paramref name="initial"/> (a trained model) on <paramref name="data"/>'s Training faces, validating
    /// on its PublicTest faces, writing into <paramref name="outputDirectory"/>. With <paramref name="resume"/> it
    /// continues the run in that folder from its last.ckpt as <see cref="Trainer.Fit"/> does: its own recipe, this
    /// call's device and threads, and at least its planned epochs. Cancellation stops between batches (or between
    /// batches of faces while encoding), saves last.ckpt and returns with Cancelled set.
    /// </summary>
    /// <exception cref="EmotionNetException">The model is bidirectional, or the data has no training faces.</exception>
    /// <exception cref="NothingToResumeException"><paramref name="resume"/>, but the folder has no last.ckpt.</exception>
    /// <exception cref="CheckpointException">last.ckpt is not a temporal run's.</exception>
    public TrainingResult Fit(Checkpoint initial, FaceDataSplits data, string outputDirectory, bool resume = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(data);
        if (initial.Metadata.Model.Bidirectional) throw new EmotionNetException("A bidirectional model cannot follow a stream frame by frame: temporal training needs a unidirectional LSTM.");
        if (data.Training.Count == 0) throw new EmotionNetException($"'{data.Training.Source}' has no Training faces to make temporal clips from.");
        NativeRuntime.EnsureTorch();
        var files = RunFiles.Prepare(outputDirectory, Report);
        var resumed = resume ? RunFiles.LoadLast(files) : null;
        var record = resumed is null ? null : RunRecord.Read(resumed.Metadata, files.Last);
        if (resumed is not null && (record!.Kind != RunRecord.Temporal || !resumed.HasOptimizerState))
            throw new CheckpointException($"Checkpoint '{files.Last}' is not a temporal training run's last.ckpt (no temporal training state), so temporal training cannot resume from it.");
        var saved = record?.ReadOptions<TemporalTrainingOptions>(files.Last, o => o.Validate());
        var o = saved is null ? Options : saved with { Epochs = Math.Max(saved.Epochs, Options.Epochs), Device = Options.Device, Threads = Options.Threads };
        using var threads = TorchThreads.Use(o.Threads);
        var device = Devices.Resolve(o.Device);
        var start = resumed ?? initial;
        var state = record?.State ?? new TrainingState();

        using var task = CreateTask(start, resumed is not null ? files.Last : null, files.Directory, data, o, device, cancellationToken);
        if (task is null)
        {
            Report(new TrainingEvent.Stopped(state.CompletedEpochs, state.PartialBatches, files.Last));
            return new TrainingResult(outputDirectory, files.Best, files.Last, state.BestEpoch, state.History, new Dictionary<string, ClassificationMetrics>(), Cancelled: true, StoppedEarly: false);
        }
        // Runs from before the common record stopped between epochs and saved no step: it follows from the epochs.
        if (record is { Version: 1 }) state = state with { Step = (long)state.CompletedEpochs * task.BatchesPerEpoch };
        var plan = TrainingRun.ContinuePlan(state.Schedule, task.Plan((saved ?? o).Epochs), state.Step, (long)task.BatchesPerEpoch * o.Epochs, Note);
        state = state with { Schedule = plan };
        if (resumed is not null)
            Note($"Resuming from {files.Last}: {state.CompletedEpochs} epoch(s) and {state.PartialBatches} batch(es) done.");

        // The record keeps the model it started from; a resumed run's already does.
        var baseRecord = record is not null ? record.Base : initial.Metadata.Training;
        var loop = new TrainingRun(task, files, RunRecord.Temporal, JsonSerializer.SerializeToNode(o, RunRecord.Json)!, baseRecord, o.Epochs, patience: 0, plots, Report);
        var outcome = loop.Execute(state, cancellationToken);
        return new TrainingResult(outputDirectory, files.Best, files.Last, outcome.State.BestEpoch, outcome.State.History,
            new Dictionary<string, ClassificationMetrics>(), outcome.Cancelled, outcome.StoppedEarly);
    }

    // The model on its device, its optimizer (restored from lastCheckpoint when resuming) and the feature banks kept in
    // folder; null when cancelled while encoding.
    private TemporalTrainingTask? CreateTask(Checkpoint start, string? lastCheckpoint, string folder, FaceDataSplits data, TemporalTrainingOptions o, Device device,
        CancellationToken cancellationToken)
    {
        var model = start.CreateModel(lastCheckpoint ?? "the initial model");
        FeatureBank? train = null;
        FeatureBank? validation = null;
        try
        {
            model.to(device);
            var normalization = start.Metadata.Normalization;
            train = FeatureBank.Cached(Path.Combine(folder, TrainingBank), model, data.Training, o.Clips, o.PosesPerFace, o.Seed, normalization, device,
                Preparing("encoding training faces", data.Training.Count), cancellationToken);
            if (train is null) return Abandon();
            if (o.ValidationClips > 0 && data.PublicTest.Count > 0)
            {
                validation = FeatureBank.Cached(Path.Combine(folder, ValidationBank), model, data.PublicTest, o.Clips, o.PosesPerFace, o.Seed + 1, normalization, device,
                    Preparing("encoding validation faces", data.PublicTest.Count), cancellationToken);
                if (validation is null) return Abandon();
            }
            // Only the temporal half learns; the encoder's features are the bank's.
            var parameters = model.named_parameters().Where(p => !p.name.StartsWith("encoder.", StringComparison.Ordinal)).Select(p => p.parameter).ToArray();
            var optimizer = Optimizers.Adam(parameters, o.LearningRate);
            if (lastCheckpoint is not null) start.RestoreOptimizer(optimizer, lastCheckpoint);
            return new TemporalTrainingTask(model, optimizer, train, validation, o, start.Metadata, device);
        }
        catch
        {
            Abandon();
            throw;
        }

        TemporalTrainingTask? Abandon()
        {
            validation?.Dispose();
            train?.Dispose();
            model.Dispose();
            return null;
        }
    }

    private FacesDone Preparing(string what, int total) => new(this, what, total);

    private void Note(string message) => Report(new TrainingEvent.Note(message));

    private void Report(TrainingEvent e) => progress?.Report(e);

    private sealed class FacesDone(TemporalTrainer owner, string what, int total) : IProgress<int>
    {
        public void Report(int value) => owner.Report(new TrainingEvent.Preparing(what, value, total));
    }
}
