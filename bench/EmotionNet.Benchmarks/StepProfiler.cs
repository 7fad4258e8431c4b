using System.Diagnostics;
using EmotionNet.Training.Engine;

namespace EmotionNet.Benchmarks;

/// <summary>Collects the seconds of every phase of every step (libtorch on CPU is synchronous, so a phase's work is done when it returns).</summary>
internal sealed class StepProfiler : IStepObserver
{
    /// <summary>The phases plus the tail of the step outside <see cref="TrainingStep.Run"/>: metrics read back to the host, tensors freed.</summary>
    public static readonly string[] Names = [.. Enum.GetNames<StepPhase>(), "MetricsAndFree"];

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly double[] current = new double[Names.Length];
    private double last;

    public List<double[]> Steps { get; } = [];

    public void Begin()
    {
        Array.Clear(current);
        last = clock.Elapsed.TotalSeconds;
    }

    public void Ended(StepPhase phase) => Lap((int)phase);

    /// <summary>Closes the step: whatever ran since the optimizer is the tail.</summary>
    public void End()
    {
        Lap(Names.Length - 1);
        Steps.Add((double[])current.Clone());
    }

    /// <summary>Milliseconds of phase <paramref name="index"/> in every step recorded.</summary>
    public List<double> Milliseconds(int index) => Steps.Select(s => s[index] * 1000).ToList();

    public List<double> TotalMilliseconds() => Steps.Select(s => s.Sum() * 1000).ToList();

    private void Lap(int index)
    {
        var now = clock.Elapsed.TotalSeconds;
        current[index] += now - last;
        last = now;
    }
}
