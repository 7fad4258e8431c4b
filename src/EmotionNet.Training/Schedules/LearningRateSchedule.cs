using EmotionNet.Training.Options;

namespace EmotionNet.Training.Schedules;

/// <summary>
/// The learning rate as a pure function of the step, so a resumed run only needs the step count
/// to continue the schedule exactly.
/// </summary>
public sealed class LearningRateSchedule
{
    private readonly ScheduleKind kind;
    private readonly double peak;
    private readonly long totalSteps;
    private readonly long warmupSteps;

    /// <summary>A schedule of <paramref name="totalSteps"/> steps peaking at <paramref name="peak"/>.</summary>
    public LearningRateSchedule(ScheduleKind kind, double peak, long totalSteps, double warmupFraction)
    {
        this.kind = kind;
        this.peak = peak;
        this.totalSteps = Math.Max(1, totalSteps);
        warmupSteps = (long)Math.Round(this.totalSteps * warmupFraction);
    }

    /// <summary>The learning rate for 0-based step <paramref name="step"/>.</summary>
    public double At(long step)
    {
        step = Math.Clamp(step, 0, totalSteps - 1);
        return kind switch
        {
            ScheduleKind.OneCycle => OneCycle(step),
            ScheduleKind.Cosine => step < warmupSteps ? peak * (step + 1) / warmupSteps : peak * Cosine(step - warmupSteps, totalSteps - warmupSteps, 1, 0),
            _ => step < warmupSteps ? peak * (step + 1) / warmupSteps : peak,
        };
    }

    private double OneCycle(long step)
    {
        const double startDiv = 25, finalDiv = 1e4;
        return step < warmupSteps
            ? peak * Cosine(step, warmupSteps, 1 / startDiv, 1)
            : peak * Cosine(step - warmupSteps, totalSteps - warmupSteps, 1, 1 / (startDiv * finalDiv));
    }

    // Cosine interpolation from `from` to `to` over `length` steps.
    private static double Cosine(long step, long length, double from, double to) =>
        length <= 1 ? to : to + (from - to) * (1 + Math.Cos(Math.PI * step / (length - 1))) / 2;
}
