using System.Text.Json.Serialization;
using EmotionNet.Training.Options;

namespace EmotionNet.Training.Schedules;

/// <summary>
/// The learning rate as a pure function of the optimizer step: planned once when a run starts, saved in every
/// checkpoint, so a resumed run continues it exactly. A run resumed for more epochs than planned gets the plan
/// <see cref="Extend"/>ed at the step it resumes from: every step already taken keeps its rate, the next step
/// gets the rate the plan had for it, and from there the rate falls along the schedule's decay to the schedule's
/// final rate at the new last step (docs/training.md).
/// </summary>
public sealed record LearningRateSchedule
{
    /// <summary>One-cycle starts at the peak divided by this.</summary>
    private const double StartDivisor = 25;

    /// <summary>One-cycle ends at its start rate divided by this.</summary>
    private const double FinalDivisor = 1e4;

    /// <summary>A plan of <paramref name="totalSteps"/> steps (at least 1) peaking at <paramref name="peak"/>, <paramref name="warmupFraction"/> of them warming up.</summary>
    public LearningRateSchedule(ScheduleKind kind, double peak, long totalSteps, double warmupFraction)
        : this(kind, peak, Math.Max(1, totalSteps), (long)Math.Round(Math.Max(1, totalSteps) * warmupFraction), [])
    {
    }

    /// <summary>A plan as saved in a checkpoint.</summary>
    [JsonConstructor]
    public LearningRateSchedule(ScheduleKind kind, double peak, long totalSteps, long warmupSteps, IReadOnlyList<ScheduleExtension> extensions)
    {
        Kind = kind;
        Peak = peak;
        TotalSteps = Math.Max(1, totalSteps);
        WarmupSteps = Math.Clamp(warmupSteps, 0, TotalSteps);
        Extensions = extensions ?? [];
    }

    /// <summary>The schedule's shape.</summary>
    public ScheduleKind Kind { get; }

    /// <summary>The highest rate, reached when warm-up ends.</summary>
    public double Peak { get; }

    /// <summary>Steps of the original plan.</summary>
    public long TotalSteps { get; }

    /// <summary>Steps of the original plan spent warming up.</summary>
    public long WarmupSteps { get; }

    /// <summary>Where the plan was extended for more epochs, in order.</summary>
    public IReadOnlyList<ScheduleExtension> Extensions { get; }

    /// <summary>The step after the plan's last one: the original end, or the last extension's.</summary>
    [JsonIgnore]
    public long EndStep => Extensions.Count == 0 ? TotalSteps : Extensions[^1].EndStep;

    /// <summary>The rate the decay ends at: the peak / 250,000 for one-cycle, 0 for cosine, the peak for constant.</summary>
    [JsonIgnore]
    public double FinalRate => Kind switch
    {
        ScheduleKind.OneCycle => Peak / (StartDivisor * FinalDivisor),
        ScheduleKind.Cosine => 0,
        _ => Peak,
    };

    /// <summary>The learning rate for 0-based step <paramref name="step"/> (steps past the end keep the last rate).</summary>
    public double At(long step)
    {
        for (var i = Extensions.Count - 1; i >= 0; i--)
        {
            var extension = Extensions[i];
            if (step >= extension.FromStep)
                return Cosine(Math.Min(step, extension.EndStep - 1) - extension.FromStep, extension.EndStep - extension.FromStep, extension.FromRate, FinalRate);
        }
        step = Math.Clamp(step, 0, TotalSteps - 1);
        return Kind switch
        {
            ScheduleKind.OneCycle => step < WarmupSteps
                ? Peak * Cosine(step, WarmupSteps, 1 / StartDivisor, 1)
                : Peak * Cosine(step - WarmupSteps, TotalSteps - WarmupSteps, 1, 1 / (StartDivisor * FinalDivisor)),
            ScheduleKind.Cosine => step < WarmupSteps ? Peak * (step + 1) / WarmupSteps : Peak * Cosine(step - WarmupSteps, TotalSteps - WarmupSteps, 1, 0),
            _ => step < WarmupSteps ? Peak * (step + 1) / WarmupSteps : Peak,
        };
    }

    /// <summary>
    /// The plan continued to <paramref name="endStep"/> from <paramref name="resumeStep"/>, the next step a resumed run
    /// takes: steps before it keep their rates; from it the rate decays from the plan's rate at it (at the end of
    /// warm-up when warm-up is not over, which so finishes as planned) to <see cref="FinalRate"/> at step
    /// <paramref name="endStep"/> - 1. A constant schedule stays constant. Not past <see cref="EndStep"/>: the plan itself.
    /// </summary>
    public LearningRateSchedule Extend(long resumeStep, long endStep)
    {
        if (endStep <= EndStep || Kind == ScheduleKind.Constant) return this;
        var from = Math.Max(resumeStep, Extensions.Count == 0 ? WarmupSteps : Extensions[^1].FromStep);
        if (from >= endStep) return this;
        return new LearningRateSchedule(Kind, Peak, TotalSteps, WarmupSteps, [.. Extensions, new ScheduleExtension(from, At(from), endStep)]);
    }

    // Cosine interpolation from `from` to `to` over `length` steps.
    private static double Cosine(long step, long length, double from, double to) =>
        length <= 1 ? to : to + (from - to) * (1 + Math.Cos(Math.PI * step / (length - 1))) / 2;
}

/// <summary>One extension of a <see cref="LearningRateSchedule"/>: from step <paramref name="FromStep"/> at <paramref name="FromRate"/>, decaying to the final rate at <paramref name="EndStep"/> - 1.</summary>
/// <param name="FromStep">The first step the extension sets.</param>
/// <param name="FromRate">The rate at <paramref name="FromStep"/>: the plan's rate there, so the curve has no jump.</param>
/// <param name="EndStep">The step after the extended plan's last.</param>
public sealed record ScheduleExtension(long FromStep, double FromRate, long EndStep);
