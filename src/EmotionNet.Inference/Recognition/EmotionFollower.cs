using EmotionNet.Core.Emotions;

namespace EmotionNet.Inference.Recognition;

/// <summary>
/// Follows one face's class probabilities from frame to frame and decides what is shown for it: the
/// probabilities and the label. <see cref="EmotionRecognizer"/> keeps one per face; it is public so that
/// per-frame probabilities from elsewhere (a recording, another classifier) can be followed the same way.
/// <list type="bullet">
/// <item><see cref="TemporalMode.MovingAverage"/>: an exponential moving average (<see cref="RecognizerOptions.Smoothing"/>), labelled by its most probable class.</item>
/// <item><see cref="TemporalMode.Hysteresis"/>: the frame's probabilities as they are; the label stays until another class leads it by
/// <see cref="RecognizerOptions.SwitchMargin"/>, or has led it for <see cref="RecognizerOptions.SwitchFrames"/> frames in a row.</item>
/// <item><see cref="TemporalMode.Lstm"/>: the probabilities as they are (the LSTM did the following), labelled by the most probable class.</item>
/// </list>
/// Not thread-safe: one follower per face.
/// </summary>
public sealed class EmotionFollower
{
    private readonly TemporalMode mode;
    private readonly float smoothing;
    private readonly float margin;
    private readonly int switchFrames;
    private readonly float[] shown;
    private bool started;
    private int label;
    private int challenger = -1;
    private int leadFrames;

    /// <summary>A follower for a face whose probabilities have <paramref name="classes"/> classes.</summary>
    /// <param name="mode">MovingAverage, Hysteresis or Lstm (Auto is resolved by the recognizer, which knows the classifier).</param>
    /// <param name="options">Smoothing, SwitchMargin and SwitchFrames; validated here.</param>
    /// <param name="classes">Values per frame, at least 1.</param>
    public EmotionFollower(TemporalMode mode, RecognizerOptions options, int classes)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (mode is not (TemporalMode.MovingAverage or TemporalMode.Hysteresis or TemporalMode.Lstm))
            throw new ArgumentException($"A follower needs a resolved mode (MovingAverage, Hysteresis or Lstm), not {mode}.", nameof(mode));
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        this.mode = mode;
        smoothing = mode == TemporalMode.MovingAverage ? (float)options.Smoothing : 0f;
        margin = (float)options.SwitchMargin;
        switchFrames = options.SwitchFrames;
        shown = new float[classes];
    }

    /// <summary>How this follower follows.</summary>
    public TemporalMode Mode => mode;

    /// <summary>
    /// Takes the face's probabilities for its next frame, writes the probabilities shown into
    /// <paramref name="destination"/> and returns the index of the label shown.
    /// </summary>
    /// <param name="probabilities">This frame's probabilities, one per class.</param>
    /// <param name="destination">Receives the probabilities shown, one per class (may not overlap <paramref name="probabilities"/>).</param>
    public int Follow(ReadOnlySpan<float> probabilities, Span<float> destination)
    {
        if (probabilities.Length != shown.Length) throw new ArgumentException($"Expected {shown.Length} probabilities, got {probabilities.Length}.", nameof(probabilities));
        if (destination.Length < shown.Length) throw new ArgumentException($"destination holds {destination.Length} values, fewer than {shown.Length}.", nameof(destination));
        if (!started || smoothing <= 0) probabilities.CopyTo(shown);
        else for (var c = 0; c < shown.Length; c++) shown[c] = smoothing * shown[c] + (1 - smoothing) * probabilities[c];
        shown.CopyTo(destination);

        var best = ArgMax.Of<float>(shown);
        if (!started || mode != TemporalMode.Hysteresis) label = best;
        else Hold(best);
        started = true;
        return label;
    }

    // The label switches to the leading class when it leads by the margin, or has led for switchFrames
    // frames in a row; a near-tie that comes and goes never reaches either.
    private void Hold(int best)
    {
        if (best == label)
        {
            challenger = -1;
            leadFrames = 0;
            return;
        }
        leadFrames = best == challenger ? leadFrames + 1 : 1;
        challenger = best;
        if (shown[best] - shown[label] < margin && leadFrames < switchFrames) return;
        label = best;
        challenger = -1;
        leadFrames = 0;
    }
}
