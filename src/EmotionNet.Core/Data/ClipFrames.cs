namespace EmotionNet.Core.Data;

/// <summary>Which source frames make a clip of a fixed length.</summary>
public static class ClipFrames
{
    /// <summary>
    /// Fills <paramref name="indices"/> (its length is the sequence length T) with the source frame
    /// of each output frame: more than T frames are sampled evenly (the middle of T equal spans), fewer
    /// are padded by repeating the last frame, and exactly T are kept as they are.
    /// </summary>
    public static void Sample(int frameCount, Span<int> indices)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameCount, 1);
        var length = indices.Length;
        for (var t = 0; t < length; t++)
            indices[t] = frameCount > length ? (int)((t + 0.5) * frameCount / length) : Math.Min(t, frameCount - 1);
    }
}
