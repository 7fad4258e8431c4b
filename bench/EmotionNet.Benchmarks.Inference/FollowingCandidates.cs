using System.Globalization;
using EmotionNet.Inference.Recognition;

/// <summary>
/// A way of following a face over frames, as the benchmarks compare them: it turns one clip's per-frame
/// probabilities into the label shown at every frame.
/// </summary>
/// <param name="Name">The table's row name.</param>
/// <param name="Labels">The labels shown for one clip, frame after frame.</param>
internal sealed record FollowingCandidate(string Name, Func<float[][], int[]> Labels)
{
    public int[][] Apply(float[][][] clips) => clips.Select(Labels).ToArray();
}

/// <summary>
/// The candidates for the default following. The shipped ones (moving average, hysteresis, and the LSTM's
/// output shown as it is) run through <see cref="EmotionFollower"/>, the code <c>analyze</c> uses; the two
/// adaptive averages and hysteresis over an average were tried and not shipped, and live here only.
/// </summary>
internal static class FollowingCandidates
{
    public static FollowingCandidate PerFrame { get; } = Shipped("per-frame (no following)", TemporalMode.MovingAverage, new RecognizerOptions { Smoothing = 0 });

    public static FollowingCandidate MovingAverage(double strength) =>
        Shipped(F($"moving average {strength:0.##}"), TemporalMode.MovingAverage, new RecognizerOptions { Smoothing = strength });

    public static FollowingCandidate Hysteresis(double margin, int frames = 15) =>
        Shipped(F($"hysteresis, margin {margin:0.##}") + (frames == RecognizerOptions.Default.SwitchFrames ? "" : F($", {frames} frames")),
            TemporalMode.Hysteresis, new RecognizerOptions { SwitchMargin = margin, SwitchFrames = frames });

    /// <summary>The LSTM's own output (its probabilities come from the recognizer in LSTM mode), labelled by its most probable class.</summary>
    public static FollowingCandidate Lstm { get; } = Shipped("temporal LSTM (streaming state)", TemporalMode.Lstm, RecognizerOptions.Default);

    private static FollowingCandidate Shipped(string name, TemporalMode mode, RecognizerOptions options) => new(name, clip =>
    {
        var follower = new EmotionFollower(mode, options, clip[0].Length);
        var shown = new float[clip[0].Length];
        return clip.Select(p => follower.Follow(p, shown)).ToArray();
    });

    /// <summary>
    /// A moving average whose strength drops as the new frame departs from it: strength x (1 - TV)^power,
    /// TV the total variation distance between the frame's probabilities and the average (0 to 1).
    /// </summary>
    public static FollowingCandidate DivergenceAverage(double strength, double power) => new(F($"adaptive average {strength:0.##}, total variation^{power:0.#}"), clip =>
        Average(clip, (current, average) => strength * Math.Pow(1 - TotalVariation(current, average), power)));

    /// <summary>
    /// A moving average sped up by the change's persistence, after the one-euro filter (Casiez et al., CHI 2012):
    /// the frame-to-average difference is itself averaged (<paramref name="memory"/>), so a change that persists
    /// builds up speed and one that alternates cancels; strength / (1 + gain x speed), speed the averaged
    /// difference's total variation.
    /// </summary>
    public static FollowingCandidate OneEuroAverage(double strength, double memory, double gain) => new(F($"adaptive average {strength:0.##}, one-euro (memory {memory:0.##}, gain {gain:0})"), clip =>
    {
        float[]? velocity = null;
        return Average(clip, (current, average) =>
        {
            velocity ??= new float[current.Length];
            var speed = 0.0;
            for (var k = 0; k < current.Length; k++)
            {
                velocity[k] = (float)(memory * velocity[k] + (1 - memory) * (current[k] - average[k]));
                speed += Math.Abs(velocity[k]);
            }
            return strength / (1 + gain * speed / 2);
        });
    });

    /// <summary>The shipped hysteresis (margin, 15 frames) over a moving average of <paramref name="strength"/> instead of the raw frames.</summary>
    public static FollowingCandidate AveragedHysteresis(double strength, double margin) => new(F($"hysteresis, margin {margin:0.##}, over moving average {strength:0.##}"), clip =>
    {
        var smoothed = new List<float[]>();
        var follower = new EmotionFollower(TemporalMode.MovingAverage, new RecognizerOptions { Smoothing = strength }, clip[0].Length);
        foreach (var p in clip)
        {
            var shown = new float[p.Length];
            follower.Follow(p, shown);
            smoothed.Add(shown);
        }
        return Hysteresis(margin).Labels(smoothed.ToArray());
    });

    private static int[] Average(float[][] clip, Func<float[], float[], double> strength)
    {
        var average = (float[])clip[0].Clone();
        var labels = new int[clip.Length];
        for (var t = 0; t < clip.Length; t++)
        {
            if (t > 0)
            {
                var s = (float)strength(clip[t], average);
                for (var k = 0; k < average.Length; k++) average[k] = s * average[k] + (1 - s) * clip[t][k];
            }
            labels[t] = TemporalClips.ArgMax(average);
        }
        return labels;
    }

    private static double TotalVariation(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return sum / 2;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
