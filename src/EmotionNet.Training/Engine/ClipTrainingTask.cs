using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Imaging;
using EmotionNet.Torch;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Training.Data;
using EmotionNet.Training.MixedPrecision;
using EmotionNet.Training.Options;
using EmotionNet.Training.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.Engine;

/// <summary>
/// The clip classifier's part of a run (<see cref="Trainer"/>): the model on its device with its optimizer,
/// precision wrapper, loss, teachers and weight average, trained on augmented clips and validated on clean ones.
/// With a weight average, validation and best.ckpt use the averaged weights, and last.ckpt carries the average
/// for resume. Owns (and disposes) the model and its helpers.
/// </summary>
internal sealed class ClipTrainingTask(
    EmotionNetModel model, OptimizerHelper optimizer, MixedPrecisionModel? mixed, TrainingLoss loss, TeacherEnsemble? teachers, WeightAverage? average,
    TrainingOptions run, ClassSet classes, InputNormalization normalization, FaceClipSet train, FaceClipSet? validation, Device device) : ITrainingTask, IDisposable
{
    private readonly ClipLoaderOptions loader = new()
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

    /// <inheritdoc />
    public int BatchesPerEpoch => ClipBatchLoader.BatchCount(train.Count, loader);

    /// <inheritdoc />
    public bool Validates => validation is not null;

    /// <inheritdoc />
    public string MetricPrefix => "";

    /// <summary>How validation and the final report score the model.</summary>
    public EvaluationOptions Evaluation { get; } = new() { FlipAveraging = run.FlipAveraging };

    /// <summary>The plan the run's options make: <see cref="TrainingOptions.Schedule"/> over every step of its epochs.</summary>
    public LearningRateSchedule Plan(int epochs) => new(run.Schedule, run.LearningRate, (long)BatchesPerEpoch * epochs, run.WarmupFraction);

    /// <inheritdoc />
    public IEnumerable<BatchTally> TrainEpoch(int epoch, int firstBatch, long firstStep, LearningRateSchedule schedule)
    {
        model.train();
        var step = new TrainingStep(model, mixed, optimizer, run, loss);
        var batchIndex = 0;
        var stepIndex = firstStep;
        foreach (var batch in ClipBatchLoader.Batches(train, loader, epoch))
        {
            using (batch)
            {
                // Batches before the resume point were trained on already; the loader regenerates them identically.
                if (batchIndex++ < firstBatch) continue;
                BatchTally tally;
                using (NewDisposeScope())
                {
                    // A seed per batch makes dropout identical whether or not the run was interrupted.
                    random.manual_seed(Seeds.Derive(run.Seed, epoch, batchIndex));
                    var inputs = batch.Inputs.to(device);
                    var labels = batch.Labels.to(device);
                    var targets = teachers?.Probabilities(inputs);
                    var (batchLoss, logits) = step.Run(inputs, labels, schedule.At(stepIndex), targets);
                    average?.Update(stepIndex);
                    var n = batch.Count;
                    var correct = logits.argmax(1).eq(labels).sum().cpu().item<long>();
                    tally = new BatchTally(batchLoss.cpu().item<float>() * n, correct, n, (long)n * run.SequenceLength);
                }
                stepIndex++;
                yield return tally;
            }
        }
    }

    /// <inheritdoc />
    public EpochValidation? Validate()
    {
        if (validation is null) return null;
        using var swapped = average?.Swap();
        using var classifier = EmotionClassifier.Wrap(model, Description, device);
        var scores = Evaluator.Evaluate(classifier, validation, Evaluation);
        return new EpochValidation(scores.Loss ?? double.NaN, scores.Accuracy, scores.MacroF1);
    }

    // What the model is, for scoring it as a classifier: its classes, normalization and T.
    private CheckpointMetadata Description => new()
    {
        Model = model.Config, ClassSet = classes.Name, Normalization = normalization, SequenceLength = run.SequenceLength,
    };

    /// <inheritdoc />
    public CheckpointMetadata Describe(TrainingState state) => Description;

    /// <inheritdoc />
    public void Save(string path, CheckpointMetadata metadata, bool resumable)
    {
        if (!resumable)
        {
            // best.ckpt is what gets used: the averaged weights when the run keeps an average.
            using (average?.Swap()) Checkpoint.Capture(model, metadata).Save(path);
            return;
        }
        using var averaged = average is null ? null : new EmotionNetModel(model.Config);
        if (averaged is not null) average!.CopyTo(averaged);
        Checkpoint.Capture(model, metadata, optimizer, averaged).Save(path);
    }

    public void Dispose()
    {
        loss.Dispose();
        teachers?.Dispose();
        average?.Dispose();
        mixed?.Dispose();
        optimizer.Dispose();
        model.Dispose();
    }
}
