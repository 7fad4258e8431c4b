using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Evaluation;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.Temporal;

/// <summary>
/// Temporal training's part of a run (<see cref="TemporalTrainer"/>): the LSTM and classifier of a trained model
/// learn from change-aware clips composed from precomputed encoder features, with a target at every frame; the
/// figures are per frame. Owns (and disposes) the model, its optimizer and the feature banks.
/// </summary>
internal sealed class TemporalTrainingTask(EmotionNetModel model, OptimizerHelper optimizer, FeatureBank train, FeatureBank? validation,
    TemporalTrainingOptions options, CheckpointMetadata start, Device device) : ITrainingTask, IDisposable
{
    private readonly TemporalClipSampler sampler = new(train, options.Clips);

    /// <inheritdoc />
    public int BatchesPerEpoch => (train.Count + options.BatchSize - 1) / options.BatchSize;

    /// <inheritdoc />
    public bool Validates => validation is not null;

    /// <inheritdoc />
    public string MetricPrefix => "temporal_";

    /// <summary>The plan the options make: a cosine decay from <see cref="TemporalTrainingOptions.LearningRate"/> to 0 over every step of <paramref name="epochs"/>.</summary>
    public LearningRateSchedule Plan(int epochs) => new(Options.ScheduleKind.Cosine, options.LearningRate, (long)BatchesPerEpoch * epochs, warmupFraction: 0);

    /// <inheritdoc />
    public IEnumerable<BatchTally> TrainEpoch(int epoch, int firstBatch, long firstStep, LearningRateSchedule schedule)
    {
        var order = SplitMix64.Permutation(train.Count, SplitMix64.Mix((ulong)options.Seed, (ulong)epoch, 0x5AFFUL));
        model.train();
        var step = firstStep;
        for (var b = firstBatch; b < BatchesPerEpoch; b++)
        {
            foreach (var group in optimizer.ParamGroups) group.LearningRate = schedule.At(step++);
            var first = order.AsMemory(b * options.BatchSize, Math.Min(options.BatchSize, train.Count - b * options.BatchSize));
            yield return TrainBatch(first.Span, epoch, b);
        }
    }

    // One batch: per-frame cross-entropy over clips starting at the given faces; dropout seeded per batch.
    private BatchTally TrainBatch(ReadOnlySpan<int> firstFaces, int epoch, int b)
    {
        using var scope = NewDisposeScope();
        var (features, targets, _) = Batch(train, sampler, firstFaces, SplitMix64.Mix((ulong)options.Seed, (ulong)epoch, (ulong)b));
        random.manual_seed(Seeds.Derive(options.Seed, epoch, b));
        optimizer.zero_grad();
        var (logits, _, _) = model.ClassifyEachFrame(features);
        var flat = logits.reshape(-1, logits.shape[2]);
        var loss = nn.functional.cross_entropy(flat, targets);
        loss.backward();
        optimizer.step();
        var frames = targets.shape[0];
        return new BatchTally(loss.item<float>() * frames, flat.argmax(1).eq(targets).sum().item<long>(), frames, frames);
    }

    /// <inheritdoc />
    public EpochValidation? Validate()
    {
        if (validation is null) return null;
        model.eval();
        using var noGrad = no_grad();
        var validationSampler = new TemporalClipSampler(validation, options.Clips);
        var order = Enumerable.Range(0, options.ValidationClips).Select(i => i % validation.Count).ToArray();
        var matrix = new ConfusionMatrix(model.Config.NumClasses);
        double lossSum = 0, corruptCorrect = 0, corruptFrames = 0;
        for (var b = 0; b < order.Length; b += options.BatchSize)
        {
            using var scope = NewDisposeScope();
            var first = order.AsSpan(b, Math.Min(options.BatchSize, order.Length - b));
            // A fixed seed: the same validation clips every epoch and every run.
            var (features, targets, corrupted) = Batch(validation, validationSampler, first, SplitMix64.Mix((ulong)options.Seed, 0xFA11DA7EUL, (ulong)b));
            var (logits, _, _) = model.ClassifyEachFrame(features);
            var flat = logits.reshape(-1, logits.shape[2]);
            lossSum += nn.functional.cross_entropy(flat, targets, reduction: nn.Reduction.Sum).item<float>();
            var predicted = flat.argmax(1);
            corruptCorrect += predicted.eq(targets).logical_and(corrupted).sum().item<long>();
            corruptFrames += corrupted.sum().item<long>();
            var truth = targets.cpu().data<long>().ToArray();
            var guess = predicted.cpu().data<long>().ToArray();
            for (var i = 0; i < truth.Length; i++) matrix.Add((int)truth[i], (int)guess[i]);
        }
        var frames = Math.Max(1, matrix.Total);
        var scores = ClassificationMetrics.From(matrix, ClassSet.FromName(start.ClassSet).ClassNames, lossSum / frames);
        return new EpochValidation(lossSum / frames, scores.Accuracy, scores.MacroF1)
        {
            Extra = new Dictionary<string, double> { [TemporalTrainer.CorruptedFrameAccuracy] = corruptFrames == 0 ? double.NaN : corruptCorrect / corruptFrames },
        };
    }

    private (Tensor Features, Tensor Targets, Tensor Corrupted) Batch(FeatureBank bank, TemporalClipSampler clips, ReadOnlySpan<int> firstFaces, ulong seed)
    {
        var length = options.Clips.Length;
        var n = firstFaces.Length * length;
        var rows = new long[n];
        var targets = new long[n];
        var corrupted = new bool[n];
        clips.Compose(firstFaces, seed, rows, targets, corrupted);
        var features = bank.Features.index_select(0, tensor(rows)).reshape(firstFaces.Length, length, -1).to(device);
        return (features, tensor(targets).to(device), tensor(corrupted).to(device));
    }

    /// <inheritdoc />
    public CheckpointMetadata Describe(TrainingState state) => start with
    {
        Temporal = new TemporalTrainingInfo(options.Clips.Length, state.CompletedEpochs),
    };

    /// <inheritdoc />
    public void Save(string path, CheckpointMetadata metadata, bool resumable) =>
        Checkpoint.Capture(model, metadata, resumable ? optimizer : null).Save(path);

    public void Dispose()
    {
        optimizer.Dispose();
        model.Dispose();
        train.Dispose();
        validation?.Dispose();
    }
}
