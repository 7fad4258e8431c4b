using System.Diagnostics;
using System.Text.Json.Nodes;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Reporting;
using EmotionNet.Training.Reporting;
using EmotionNet.Training.Schedules;

namespace EmotionNet.Training.Engine;

/// <summary>
/// The one training loop, for both trainers (<see cref="Trainer"/> and temporal training), each plugged in as an
/// <see cref="ITrainingTask"/>. It runs epochs from a <see cref="TrainingState"/> to <see cref="Epochs"/>, with one
/// resume rule (a run continues from the batch it stopped at, on its saved learning-rate plan), one cancellation
/// idiom (the token is checked between batches; a stop saves last.ckpt with the position inside the epoch, reports
/// <see cref="TrainingEvent.Stopped"/> and returns, never throws), one progress type (<see cref="TrainingEvent"/>),
/// one epoch log (epochs.csv) and one checkpoint layout (<see cref="RunRecord"/>).
/// </summary>
internal sealed class TrainingRun(ITrainingTask task, RunFiles files, string kind, JsonNode options, JsonNode? baseRecord,
    int epochs, int patience, ITrainingPlots? plots, Action<TrainingEvent> report)
{
    /// <summary>The last epoch the run trains.</summary>
    public int Epochs => epochs;

    /// <summary>How the run ended.</summary>
    public sealed record Outcome(TrainingState State, bool Cancelled, bool StoppedEarly);

    /// <summary>Trains from <paramref name="state"/> (whose <see cref="TrainingState.Schedule"/> is set) until the last epoch, early stopping or cancellation.</summary>
    public Outcome Execute(TrainingState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state.Schedule);
        for (var epoch = state.CompletedEpochs + 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var (trained, frames, cancelled) = TrainEpoch(epoch, state, cancellationToken);
            state = trained;
            if (cancelled)
            {
                SaveLast(state);
                report(new TrainingEvent.Stopped(epoch - 1, state.PartialBatches, files.Last));
                return new Outcome(state, true, false);
            }
            state = EndEpoch(epoch, state, frames, clock);
            if (task.Validates && patience > 0 && epoch - state.BestEpoch >= patience)
            {
                report(new TrainingEvent.Note($"Early stopping: no better validation accuracy for {patience} epoch(s); best was epoch {state.BestEpoch}."));
                return new Outcome(state, false, true);
            }
        }
        return new Outcome(state, false, false);
    }

    // The batches of one epoch from where the state stands; stops between batches when cancelled.
    private (TrainingState State, long Frames, bool Cancelled) TrainEpoch(int epoch, TrainingState state, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return (state, 0, true);
        var watch = Stopwatch.StartNew();
        var frames = 0L;
        var batches = task.BatchesPerEpoch;
        foreach (var batch in task.TrainEpoch(epoch, state.PartialBatches, state.Step, state.Schedule!))
        {
            state = state with
            {
                Step = state.Step + 1,
                PartialBatches = state.PartialBatches + 1,
                PartialLossSum = state.PartialLossSum + batch.LossSum,
                PartialCorrect = state.PartialCorrect + batch.Correct,
                PartialSeen = state.PartialSeen + batch.Samples,
            };
            frames += batch.Frames;
            report(new TrainingEvent.Progress(new EpochProgress(epoch, epochs, state.PartialBatches, batches,
                state.PartialLossSum / state.PartialSeen, (double)state.PartialCorrect / state.PartialSeen,
                frames / Math.Max(1e-9, watch.Elapsed.TotalSeconds), "train")));
            if (cancellationToken.IsCancellationRequested && state.PartialBatches < batches) return (state, frames, true);
        }
        return (state, frames, false);
    }

    // Validates, logs the epoch, writes best.ckpt when it is the best (each epoch without validation), last.ckpt,
    // epochs.csv and the curves. The clock started with the epoch; frames count this session's training only.
    private TrainingState EndEpoch(int epoch, TrainingState state, long frames, Stopwatch clock)
    {
        var trainSeconds = clock.Elapsed.TotalSeconds;
        report(new TrainingEvent.Progress(new EpochProgress(epoch, epochs, task.BatchesPerEpoch, task.BatchesPerEpoch, 0, 0, 0, "validate")));
        var scores = task.Validate();
        var seen = Math.Max(1, state.PartialSeen);
        var record = new EpochRecord(epoch, state.PartialLossSum / seen, (double)state.PartialCorrect / seen,
            scores?.Loss ?? double.NaN, scores?.Accuracy ?? double.NaN, scores?.MacroF1 ?? double.NaN, state.Schedule!.At(state.Step - 1),
            clock.Elapsed.TotalSeconds, frames / Math.Max(1e-9, trainSeconds))
        {
            Extra = scores?.Extra ?? new Dictionary<string, double>(),
        };
        var isBest = scores is null || scores.Accuracy > state.BestAccuracy;
        state = state with
        {
            CompletedEpochs = epoch, PartialBatches = 0, PartialLossSum = 0, PartialCorrect = 0, PartialSeen = 0,
            History = [.. state.History, record],
            BestAccuracy = isBest ? scores?.Accuracy ?? -1 : state.BestAccuracy,
            BestEpoch = isBest ? epoch : state.BestEpoch,
        };
        if (isBest) task.Save(files.Best, Describe(state), resumable: false);
        SaveLast(state);
        EpochLog.Write(files.EpochLog, state.History);
        plots?.SaveTrainingCurves(state.History, files.Curves);
        report(new TrainingEvent.EpochEnded(record, isBest));
        return state;
    }

    /// <summary>Writes last.ckpt, from which the run resumes at <paramref name="state"/>.</summary>
    public void SaveLast(TrainingState state) => task.Save(files.Last, Describe(state), resumable: true);

    private CheckpointMetadata Describe(TrainingState state) => task.Describe(state) with
    {
        Epoch = state.CompletedEpochs,
        Step = state.Step,
        BestValidationAccuracy = Math.Max(0, state.BestAccuracy),
        BestEpoch = state.BestEpoch,
        Metrics = LastMetrics(state.History.Count > 0 ? state.History[^1] : null),
        Training = new RunRecord(kind, options, state, baseRecord).ToJson(),
        CreatedUtc = DateTimeOffset.UtcNow,
    };

    // The last epoch's figures; validation ones only when computed (no made-up zeros).
    private Dictionary<string, double> LastMetrics(EpochRecord? last)
    {
        var metrics = new Dictionary<string, double>();
        if (last is null) return metrics;
        var prefix = task.MetricPrefix;
        metrics[prefix + "train_loss"] = last.TrainLoss;
        metrics[prefix + "train_accuracy"] = last.TrainAccuracy;
        if (double.IsFinite(last.ValidationAccuracy))
        {
            metrics[prefix + "val_loss"] = last.ValidationLoss;
            metrics[prefix + "val_accuracy"] = last.ValidationAccuracy;
            metrics[prefix + "val_macro_f1"] = last.ValidationMacroF1;
        }
        foreach (var (name, value) in last.Extra.Where(e => double.IsFinite(e.Value))) metrics[prefix + name] = value;
        return metrics;
    }

    /// <summary>
    /// The learning-rate plan a run continues with: <paramref name="saved"/> (null: a checkpoint written before plans
    /// were saved, so <paramref name="plan"/>, the plan its options make, which is what it ran on), extended at
    /// <paramref name="step"/> when the run now has more steps than planned. <paramref name="note"/> hears of an extension.
    /// </summary>
    public static LearningRateSchedule ContinuePlan(LearningRateSchedule? saved, LearningRateSchedule plan, long step, long endStep, Action<string> note)
    {
        var schedule = saved ?? plan;
        var extended = schedule.Extend(step, endStep);
        if (ReferenceEquals(extended, schedule)) return schedule;
        var from = extended.Extensions[^1];
        note(from.FromRate <= extended.FinalRate * 1.0001
            ? $"The run now ends at step {endStep} instead of {schedule.EndStep}, but its plan had ended: the extra steps train at its final learning rate, " +
              $"{extended.FinalRate:G3}. A new cycle is a new run from these weights (the initial checkpoint option)."
            : $"The run now ends at step {endStep} instead of {schedule.EndStep}: from step {from.FromStep} the learning rate decays from " +
              $"{from.FromRate:G3}, the plan's rate there, to {extended.FinalRate:G3} (docs/training.md, resume).");
        return extended;
    }
}
