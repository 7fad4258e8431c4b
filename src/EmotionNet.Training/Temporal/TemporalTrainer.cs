using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Data;
using EmotionNet.Core.IO;
using EmotionNet.Core.Runtime;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Augmentation.Temporal;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Options;
using EmotionNet.Training.Schedules;
using TorchSharp;
using static TorchSharp.torch;

namespace EmotionNet.Training.Temporal;

/// <summary>
/// Teaches a trained model's LSTM and classifier to follow a stream frame by frame: change-aware clips
/// (<see cref="TemporalClipPlan"/>) with a target at every frame, composed from
/// precomputed encoder features (<see cref="FeatureBank"/>); the encoder stays as it was, so per-frame
/// (still image) behaviour changes only through the LSTM's first step, which is trained too. Writes
/// <c>last.ckpt</c> (resumable) and <c>best.ckpt</c> after every epoch, <c>temporal-epochs.csv</c>, and the feature banks
/// (<see cref="TrainingBank"/>, <see cref="ValidationBank"/>) that a resumed run reads back.
/// </summary>
public sealed class TemporalTrainer
{
    /// <summary>Resumable checkpoint file name.</summary>
    public const string LastCheckpoint = "last.ckpt";

    /// <summary>Best-epoch checkpoint file name.</summary>
    public const string BestCheckpoint = "best.ckpt";

    /// <summary>The training faces' encoder features, kept so that a resumed run (or another recipe in the same folder) need not encode again.</summary>
    public const string TrainingBank = "features-training.bin";

    /// <summary>The PublicTest faces' encoder features, likewise.</summary>
    public const string ValidationBank = "features-publictest.bin";

    /// <summary>Per-epoch log file name.</summary>
    public const string EpochLog = "temporal-epochs.csv";

    /// <summary>Creates a trainer with <paramref name="options"/>.</summary>
    /// <exception cref="EmotionNetException">An option is out of range.</exception>
    public TemporalTrainer(TemporalTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
    }

    /// <summary>The settings.</summary>
    public TemporalTrainingOptions Options { get; }

    /// <summary>
    /// Trains from <paramref name="initial"/> (a trained model; with <paramref name="resume"/>, the run's own
    /// <c>last.ckpt</c> is read instead when it exists) on <paramref name="data"/>'s Training faces, validating
    /// on its PublicTest faces, writing into <paramref name="outputDirectory"/>.
    /// </summary>
    /// <exception cref="EmotionNetException">The model is bidirectional, the data has no training faces, or a file cannot be written.</exception>
    public TemporalTrainingResult Fit(Checkpoint initial, FaceDataSplits data, string outputDirectory, DeviceKind device = DeviceKind.Auto,
        bool resume = false, IProgress<TemporalProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(data);
        if (initial.Metadata.Model.Bidirectional) throw new EmotionNetException("A bidirectional model cannot follow a stream frame by frame: temporal training needs a unidirectional LSTM.");
        if (data.Training.Count == 0) throw new EmotionNetException($"'{data.Training.Source}' has no Training faces to make temporal clips from.");
        NativeRuntime.EnsureTorch();
        var dev = Devices.Resolve(device);
        AtomicFile.EnsureDirectory(outputDirectory);
        var lastPath = Path.Combine(outputDirectory, LastCheckpoint);
        var bestPath = Path.Combine(outputDirectory, BestCheckpoint);
        var logPath = Path.Combine(outputDirectory, EpochLog);

        if (resume && !File.Exists(lastPath))
            throw new NothingToResumeException(lastPath);
        var start = resume ? Checkpoint.Load(lastPath) : initial;
        if (resume && (start.Metadata.Temporal is null || !start.HasOptimizerState))
            throw new CheckpointException($"Checkpoint '{lastPath}' is not a temporal training run's last.ckpt (no temporal training state), so temporal training cannot resume from it.");
        using var model = start.CreateModel(resume ? lastPath : "the initial model");
        model.to(dev);
        var normalization = start.Metadata.Normalization;
        var o = Options;
        using var train = FeatureBank.Cached(Path.Combine(outputDirectory, TrainingBank), model, data.Training, o.Clips, o.PosesPerFace, o.Seed, normalization, dev,
            new Progress(progress, "encode", data.Training.Count), cancellation);
        using var validation = o.ValidationClips > 0 && data.PublicTest.Count > 0
            ? FeatureBank.Cached(Path.Combine(outputDirectory, ValidationBank), model, data.PublicTest, o.Clips, o.PosesPerFace, o.Seed + 1, normalization, dev, new Progress(progress, "encode validation", data.PublicTest.Count), cancellation)
            : null;

        // Only the temporal half learns; the encoder's features are the bank's.
        var parameters = model.named_parameters().Where(p => !p.name.StartsWith("encoder.", StringComparison.Ordinal)).Select(p => p.parameter).ToArray();
        using var optimizer = optim.Adam(parameters, o.LearningRate);
        var history = new List<TemporalEpoch>();
        var (done, bestEpoch, bestAccuracy) = (0, 0, double.NegativeInfinity);
        if (start != initial)
        {
            start.RestoreOptimizer(optimizer, lastPath);
            var state = start.Metadata.Training?["temporal"];
            done = start.Metadata.Temporal?.Epochs ?? 0;
            bestEpoch = state?["bestEpoch"]?.GetValue<int>() ?? 0;
            bestAccuracy = state?["bestAccuracy"]?.GetValue<double>() ?? double.NegativeInfinity;
            history.AddRange(state?["history"]?.Deserialize<TemporalEpoch[]>(Json) ?? []);
        }

        var sampler = new TemporalClipSampler(train, o.Clips);
        var schedule = new LearningRateSchedule(ScheduleKind.Cosine, o.LearningRate, (long)BatchCount(train) * o.Epochs, warmupFraction: 0);
        for (var epoch = done + 1; epoch <= o.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var (loss, accuracy) = TrainEpoch(model, optimizer, train, sampler, epoch, schedule, dev, progress, cancellation);
            var (valAccuracy, valCorrupted) = validation is null ? (double.NaN, double.NaN) : Validate(model, validation, dev);
            var record = new TemporalEpoch(epoch, loss, accuracy, valAccuracy, valCorrupted, clock.Elapsed.TotalSeconds);
            history.Add(record);
            var isBest = validation is null || valAccuracy > bestAccuracy;
            if (isBest) (bestEpoch, bestAccuracy) = (epoch, validation is null ? double.NaN : valAccuracy);
            var metadata = Describe(start, epoch, bestEpoch, bestAccuracy, history);
            // best.ckpt is for inference (no optimizer state); last.ckpt is the one to resume from.
            if (isBest) Checkpoint.Capture(model, metadata).Save(bestPath);
            Checkpoint.Capture(model, metadata, optimizer).Save(lastPath);
            AtomicFile.WriteAllText(logPath, Log(history));
        }
        return new TemporalTrainingResult(bestPath, lastPath, bestEpoch, history);
    }

    private int BatchCount(FeatureBank train) => (train.Count + Options.BatchSize - 1) / Options.BatchSize;

    // One pass over the training bank in a seeded order: cosine learning rate per step, per-frame cross-entropy.
    // Returns the mean loss and frame accuracy over the epoch.
    private (double Loss, double Accuracy) TrainEpoch(EmotionNetModel model, optim.Optimizer optimizer, FeatureBank train, TemporalClipSampler sampler,
        int epoch, LearningRateSchedule schedule, Device device, IProgress<TemporalProgress>? progress, CancellationToken cancellation)
    {
        var o = Options;
        var batches = BatchCount(train);
        var order = SplitMix64.Permutation(train.Count, SplitMix64.Mix((ulong)o.Seed, (ulong)epoch, 0x5AFFUL));
        model.train();
        double lossSum = 0, correct = 0, frames = 0;
        for (var b = 0; b < batches; b++)
        {
            cancellation.ThrowIfCancellationRequested();
            var step = (long)(epoch - 1) * batches + b;
            foreach (var group in optimizer.ParamGroups) group.LearningRate = schedule.At(step);
            var first = order.AsSpan(b * o.BatchSize, Math.Min(o.BatchSize, train.Count - b * o.BatchSize));
            using var scope = NewDisposeScope();
            var (features, targets, _) = Batch(train, sampler, first, SplitMix64.Mix((ulong)o.Seed, (ulong)epoch, (ulong)b), device);
            random.manual_seed(Seeds.Derive(o.Seed, epoch, b)); // dropout
            optimizer.zero_grad();
            var (logits, _, _) = model.ClassifyEachFrame(features);
            var flat = logits.reshape(-1, logits.shape[2]);
            var loss = nn.functional.cross_entropy(flat, targets);
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>() * targets.shape[0];
            correct += flat.argmax(1).eq(targets).sum().item<long>();
            frames += targets.shape[0];
            progress?.Report(new TemporalProgress("train", b + 1, batches, epoch));
        }
        return (lossSum / frames, correct / frames);
    }

    private (double All, double Corrupted) Validate(EmotionNetModel model, FeatureBank bank, Device device)
    {
        model.eval();
        using var noGrad = no_grad();
        var sampler = new TemporalClipSampler(bank, Options.Clips);
        var order = Enumerable.Range(0, Options.ValidationClips).Select(i => i % bank.Count).ToArray();
        double correct = 0, frames = 0, corruptCorrect = 0, corruptFrames = 0;
        for (var b = 0; b < order.Length; b += Options.BatchSize)
        {
            using var scope = NewDisposeScope();
            var first = order.AsSpan(b, Math.Min(Options.BatchSize, order.Length - b));
            // A fixed seed: the same validation clips every epoch and every run.
            var (features, targets, corrupted) = Batch(bank, sampler, first, SplitMix64.Mix((ulong)Options.Seed, 0xFA11DA7EUL, (ulong)b), device);
            var (logits, _, _) = model.ClassifyEachFrame(features);
            var hits = logits.reshape(-1, logits.shape[2]).argmax(1).eq(targets);
            correct += hits.sum().item<long>();
            frames += targets.shape[0];
            corruptCorrect += hits.logical_and(corrupted).sum().item<long>();
            corruptFrames += corrupted.sum().item<long>();
        }
        return (correct / frames, corruptFrames == 0 ? double.NaN : corruptCorrect / corruptFrames);
    }

    private (Tensor Features, Tensor Targets, Tensor Corrupted) Batch(FeatureBank bank, TemporalClipSampler sampler, ReadOnlySpan<int> firstFaces, ulong seed, Device device)
    {
        var length = Options.Clips.Length;
        var n = firstFaces.Length * length;
        var rows = new long[n];
        var targets = new long[n];
        var corrupted = new bool[n];
        sampler.Compose(firstFaces, seed, rows, targets, corrupted);
        var features = bank.Features.index_select(0, tensor(rows)).reshape(firstFaces.Length, length, -1).to(device);
        return (features, tensor(targets).to(device), tensor(corrupted).to(device));
    }

    private CheckpointMetadata Describe(Checkpoint start, int epoch, int bestEpoch, double bestAccuracy, List<TemporalEpoch> history)
    {
        var last = history[^1];
        return start.Metadata with
        {
            Temporal = new TemporalTrainingInfo(Options.Clips.Length, epoch, JsonSerializer.SerializeToNode(Options, Json)?.AsObject()),
            Metrics = double.IsFinite(last.ValidationAccuracy)
                ? new Dictionary<string, double> { ["temporal_val_frame_accuracy"] = last.ValidationAccuracy, ["temporal_train_frame_accuracy"] = last.TrainAccuracy }
                : new Dictionary<string, double> { ["temporal_train_frame_accuracy"] = last.TrainAccuracy },
            Training = new JsonObject
            {
                // A resumed run's checkpoint already nests the base model's options: keep one level.
                ["base"] = (start.Metadata.Training?["temporal"] is null ? start.Metadata.Training : start.Metadata.Training["base"])?.DeepClone(),
                ["temporal"] = new JsonObject
                {
                    ["bestEpoch"] = bestEpoch,
                    ["bestAccuracy"] = double.IsFinite(bestAccuracy) ? bestAccuracy : null,
                    ["history"] = JsonSerializer.SerializeToNode(history, Json),
                },
            },
            CreatedUtc = DateTimeOffset.UtcNow,
        };
    }

    private static string Log(IEnumerable<TemporalEpoch> history)
    {
        var text = new StringBuilder("epoch,train_loss,train_frame_accuracy,val_frame_accuracy,val_corrupted_frame_accuracy,seconds\n");
        foreach (var e in history)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{e.Epoch},{e.TrainLoss:F5},{e.TrainAccuracy:F5},{e.ValidationAccuracy:F5},{e.ValidationCorruptedAccuracy:F5},{e.Seconds:F1}"));
        return text.ToString();
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private sealed class Progress(IProgress<TemporalProgress>? sink, string phase, int total) : IProgress<int>
    {
        public void Report(int value) => sink?.Report(new TemporalProgress(phase, value, total, 0));
    }
}
