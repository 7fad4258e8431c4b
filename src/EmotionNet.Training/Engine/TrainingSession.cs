using System.Diagnostics;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Imaging;
using EmotionNet.Torch;
using EmotionNet.Torch.Models;
using EmotionNet.Training.Data;
using EmotionNet.Training.MixedPrecision;
using EmotionNet.Training.Options;
using EmotionNet.Training.Reporting;
using EmotionNet.Training.Schedules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.Engine;

/// <summary>
/// One <see cref="Trainer.Fit"/> once it is set up: the model on its device with its optimizer,
/// precision wrapper, loader, schedule and run files. Trains one epoch at a time and closes each with
/// validation, checkpoints and logs; owns (and disposes) the model and its helpers. With a weight average,
/// validation and best.ckpt use the averaged weights, and last.ckpt carries the average for resume.
/// </summary>
internal sealed class TrainingSession(
    EmotionNetModel model, OptimizerHelper optimizer, MixedPrecisionModel? mixed, TrainingLoss loss, TeacherEnsemble? teachers, WeightAverage? average,
    TrainingOptions run, RunFiles files, ClassSet classes, InputNormalization normalization, FaceClipSet train, Device device,
    ITrainingPlots? plots, Action<TrainingEvent> report) : IDisposable
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

    /// <summary>Optimizer steps per epoch.</summary>
    public int BatchesPerEpoch => loader.DropLast ? train.Count / run.BatchSize : (train.Count + run.BatchSize - 1) / run.BatchSize;

    /// <summary>The learning rate at every step of the run.</summary>
    public LearningRateSchedule Schedule => schedule ??= new LearningRateSchedule(run.Schedule, run.LearningRate, (long)BatchesPerEpoch * run.Epochs, run.WarmupFraction);

    private LearningRateSchedule? schedule;

    /// <summary>How validation and the final report score the model.</summary>
    public EvaluationOptions Evaluation { get; } = new() { FlipAveraging = run.FlipAveraging };

    /// <summary>What the model is, for scoring it as a classifier: its classes, normalization and T.</summary>
    private CheckpointMetadata Description => new()
    {
        Model = model.Config, ClassSet = classes.Name, Normalization = normalization, SequenceLength = run.SequenceLength,
    };

    /// <summary>The recipe (after resume: the run's own).</summary>
    public TrainingOptions Run => run;

    /// <summary>Where the run is written.</summary>
    public RunFiles Files => files;

    /// <summary>The device the model runs on.</summary>
    public Device Device => device;

    /// <summary>
    /// Trains epoch <paramref name="epoch"/> from <paramref name="state"/> (skipping the batches a resumed
    /// run already did). Returns the new state, and whether cancellation stopped it part-way.
    /// </summary>
    public (TrainingState State, bool Cancelled) TrainEpoch(int epoch, TrainingState state, CancellationToken cancellationToken)
    {
        model.train();
        var step = new TrainingStep(model, mixed, optimizer, run, loss);
        var watch = Stopwatch.StartNew();
        var framesThisSession = 0L;
        var batchIndex = 0;
        foreach (var batch in ClipBatchLoader.Batches(train, loader, epoch, CancellationToken.None))
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
                var targets = teachers?.Probabilities(inputs);
                var (batchLoss, logits) = step.Run(inputs, labels, Schedule.At(state.Step), targets);
                average?.Update(state.Step);

                var n = batch.Count;
                var correct = logits.argmax(1).eq(labels).sum().cpu().item<long>();
                state = state with
                {
                    Step = state.Step + 1,
                    PartialBatches = batchIndex,
                    PartialLossSum = state.PartialLossSum + batchLoss.cpu().item<float>() * n,
                    PartialCorrect = state.PartialCorrect + correct,
                    PartialSeen = state.PartialSeen + n,
                };
                framesThisSession += (long)n * run.SequenceLength;
                report(new TrainingEvent.Progress(new EpochProgress(epoch, run.Epochs, batchIndex, BatchesPerEpoch,
                    state.PartialLossSum / state.PartialSeen, (double)state.PartialCorrect / state.PartialSeen,
                    framesThisSession / Math.Max(1e-9, watch.Elapsed.TotalSeconds), "train")));
            }
        }
        return (state, false);
    }

    /// <summary>
    /// Closes epoch <paramref name="epoch"/>: validates on <paramref name="validation"/> (none: the figures
    /// stay NaN, "not computed", and the epoch counts as best), then writes best.ckpt when it is the best,
    /// last.ckpt, the epoch log and the curves. <paramref name="epochClock"/> was started with the epoch.
    /// </summary>
    public TrainingState EndEpoch(int epoch, TrainingState state, FaceClipSet? validation, Stopwatch epochClock)
    {
        // Frames per second count training alone; the epoch's seconds include validation.
        var trainSeconds = epochClock.Elapsed.TotalSeconds;
        report(new TrainingEvent.Progress(new EpochProgress(epoch, run.Epochs, BatchesPerEpoch, BatchesPerEpoch, 0, 0, 0, "validate")));
        ClassificationMetrics? scores = null;
        if (validation is not null)
        {
            using var swapped = average?.Swap();
            using var classifier = EmotionClassifier.Wrap(model, Description, device);
            scores = Evaluator.Evaluate(classifier, validation, Evaluation);
        }
        var seen = Math.Max(1, state.PartialSeen);
        var record = new EpochRecord(epoch, state.PartialLossSum / seen, (double)state.PartialCorrect / seen,
            scores?.Loss ?? double.NaN, scores?.Accuracy ?? double.NaN, scores?.MacroF1 ?? double.NaN, Schedule.At(state.Step - 1),
            epochClock.Elapsed.TotalSeconds, state.PartialSeen * run.SequenceLength / Math.Max(1e-9, trainSeconds));
        var isBest = scores is null || scores.Accuracy > state.BestAccuracy;
        state = state with
        {
            CompletedEpochs = epoch, PartialBatches = 0, PartialLossSum = 0, PartialCorrect = 0, PartialSeen = 0,
            History = [.. state.History, record],
            BestAccuracy = isBest ? scores?.Accuracy ?? -1 : state.BestAccuracy,
            BestEpoch = isBest ? epoch : state.BestEpoch,
        };
        if (isBest)
        {
            using (average?.Swap()) RunCheckpoints.Save(files.Best, model, null, null, classes, normalization, run, state);
        }
        SaveLast(state);
        EpochLog.Write(files.EpochLog, state.History);
        plots?.SaveTrainingCurves(state.History, files.Curves);
        report(new TrainingEvent.EpochEnded(record, isBest));
        return state;
    }

    /// <summary>Writes last.ckpt (with optimizer state, so the run can resume from it).</summary>
    public void SaveLast(TrainingState state)
    {
        using var averaged = average is null ? null : new EmotionNetModel(model.Config);
        if (averaged is not null) average!.CopyTo(averaged);
        RunCheckpoints.Save(files.Last, model, optimizer, averaged, classes, normalization, run, state);
    }

    public void Dispose()
    {
        loss.Dispose();
        teachers?.Dispose();
        average?.Dispose();
        mixed?.Dispose();
        model.Dispose();
    }
}
