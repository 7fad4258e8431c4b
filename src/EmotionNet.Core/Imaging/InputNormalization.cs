namespace EmotionNet.Core.Imaging;

/// <summary>
/// How grey bytes become model inputs: <c>(byte / 255 - Mean) / Std</c>. Stored in every
/// checkpoint so inference normalizes exactly as training did.
/// </summary>
/// <param name="Mean">Mean of the [0, 1] grey values (default 0.5, close to FER2013's 0.508).</param>
/// <param name="Std">Standard deviation of the [0, 1] grey values (default 0.25, close to FER2013's 0.255).</param>
public sealed record InputNormalization(float Mean = 0.5f, float Std = 0.25f)
{
    /// <summary>The default used for FER2013.</summary>
    public static InputNormalization Default { get; } = new();

    /// <summary>Normalizes one grey byte.</summary>
    public float Apply(byte value) => (value / 255f - Mean) / Std;

    /// <summary>
    /// Normalizes bytes into floats: the one conversion from grey face bytes to model input, shared by
    /// training (batch building), evaluation and inference so that all three see identical inputs.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/>.</exception>
    public void Normalize(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException($"Needs {source.Length} floats, got {destination.Length}.", nameof(destination));
        // (b / 255 - mean) / std = b * scale + offset
        var scale = 1f / (255f * Std);
        var offset = -Mean / Std;
        for (var i = 0; i < source.Length; i++) destination[i] = source[i] * scale + offset;
    }
}
