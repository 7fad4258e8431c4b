namespace EmotionNet.Imaging;

/// <summary>
/// How grey bytes become model inputs: optionally each frame's grey levels stretched to the full
/// 0-255 range, then <c>(value / 255 - Mean) / Std</c>. Stored in every checkpoint so inference
/// normalizes exactly as training did.
/// </summary>
/// <param name="Mean">Mean of the [0, 1] grey values (default 0.5, close to FER2013's 0.508).</param>
/// <param name="Std">Standard deviation of the [0, 1] grey values (default 0.25, close to FER2013's 0.255).</param>
/// <param name="StretchContrast">
/// Stretch each frame's grey levels linearly so its darkest pixel is 0 and its brightest 255 before the
/// mean and standard deviation are applied (default false; a frame of one grey level becomes 0).
/// FER2013's faces are stored stretched like that, a face cut from a photo is not: a model that expects
/// stretched faces sees them at inference too (docs/model-card.md measures both).
/// </param>
public sealed record InputNormalization(float Mean = 0.5f, float Std = 0.25f, bool StretchContrast = false)
{
    /// <summary>The default used for FER2013.</summary>
    public static InputNormalization Default { get; } = new();

    /// <summary>The mean and std step for one grey level (after any stretch; whole frames go through <see cref="FaceTensors.Normalize"/>).</summary>
    public float Apply(float value) => (value / 255f - Mean) / Std;
}
