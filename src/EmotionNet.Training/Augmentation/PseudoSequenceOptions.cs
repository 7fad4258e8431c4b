using EmotionNet.Core.Options;

namespace EmotionNet.Training.Augmentation;

/// <summary>
/// How a still face (or a clip's frames) becomes a training clip that looks like a short video:
/// a smooth random head motion, one flip decision, smooth lighting flicker, sensor noise and an
/// occasional occluder. With a sequence length of 1 it is plain random shift/flip/jitter augmentation.
/// Grey levels are on the 0-255 scale.
/// </summary>
public sealed record PseudoSequenceOptions
{
    /// <summary>Largest head rotation of the start and end pose, in degrees (default 10; 0-45).</summary>
    public float MaxRotationDegrees { get; init; } = 10f;

    /// <summary>Largest zoom of the start and end pose, as a fraction: 0.1 = 90%-110% (default 0.1; 0-0.5).</summary>
    public float MaxScale { get; init; } = 0.1f;

    /// <summary>Largest per-clip crop-like shift in x and y, in pixels (default 4; 0-16). The strongest single FER2013 augmentation.</summary>
    public float MaxShiftPixels { get; init; } = 4f;

    /// <summary>Largest drift of the face between the first and last frame, in pixels, per axis (default 1.5; 0-8).</summary>
    public float DriftPixels { get; init; } = 1.5f;

    /// <summary>Amplitude of the low-frequency rotation wobble on top of the start-to-end motion, in degrees (default 1; 0-10).</summary>
    public float WobbleDegrees { get; init; } = 1f;

    /// <summary>Amplitude of the low-frequency translation wobble, in pixels (default 0.5; 0-4).</summary>
    public float WobblePixels { get; init; } = 0.5f;

    /// <summary>Probability that a clip is mirrored horizontally, all its frames alike (default 0.5; 0-1).</summary>
    public float FlipProbability { get; init; } = 0.5f;

    /// <summary>Largest brightness offset of the start and end of a clip, in grey levels (default 20; 0-128).</summary>
    public float BrightnessJitter { get; init; } = 20f;

    /// <summary>Largest contrast change of the start and end of a clip, as a fraction: 0.2 = 80%-120% (default 0.2; 0-1).</summary>
    public float ContrastJitter { get; init; } = 0.2f;

    /// <summary>Standard deviation of per-pixel Gaussian sensor noise, in grey levels (default 3; 0-50).</summary>
    public float NoiseStd { get; init; } = 3f;

    /// <summary>Probability that a clip has an occluding rectangle over some of its frames (default 0.1; 0-1).</summary>
    public float OcclusionProbability { get; init; } = 0.1f;

    /// <summary>Largest occluder side as a fraction of the face side; the smallest is half of it (default 0.4; 0.05-1).</summary>
    public float MaxOcclusionFraction { get; init; } = 0.4f;

    /// <summary>Probability that a clip is blurred, as by focus or motion (default 0; 0-1).</summary>
    public float BlurProbability { get; init; }

    /// <summary>Largest Gaussian blur, as a standard deviation in pixels of the 48x48 face; the least is 0.4 (default 1.2; 0.4-4).</summary>
    public float MaxBlurSigma { get; init; } = 1.2f;

    /// <summary>Probability that a clip is seen at a lower resolution and blown back up to 48x48, as a small face in a photo is (default 0; 0-1).</summary>
    public float LowResolutionProbability { get; init; }

    /// <summary>Lowest such resolution, as the side in pixels; the highest is 47 (default 16; 4-47).</summary>
    public int MinResolution { get; init; } = 16;

    /// <summary>Probability that a clip carries JPEG artefacts (default 0; 0-1).</summary>
    public float JpegProbability { get; init; }

    /// <summary>Lowest JPEG quality drawn; the highest is 95 (default 20; 1-95).</summary>
    public int MinJpegQuality { get; init; } = 20;

    /// <summary>
    /// Probability that a clip's contrast is reduced below FER2013's full 0-255 stretch, as a face in a photo
    /// usually is (default 0; 0-1). A model with <see cref="Core.Imaging.InputNormalization.StretchContrast"/> undoes it.
    /// </summary>
    public float LowContrastProbability { get; init; }

    /// <summary>Lowest contrast factor drawn, about the frame's mean grey (default 0.4; 0.05-1).</summary>
    public float MinContrast { get; init; } = 0.4f;

    /// <summary>Whether any real-photo degradation (blur, low resolution, JPEG, low contrast) can happen.</summary>
    public bool Degrades => BlurProbability > 0 || LowResolutionProbability > 0 || JpegProbability > 0 || LowContrastProbability > 0;

    /// <summary>The defaults above: FER2013's faces moved and re-lit, never degraded.</summary>
    public static PseudoSequenceOptions Default { get; } = new();

    /// <summary>
    /// The defaults plus what faces cut from real photos have: a wider zoom (real detector framing varies
    /// more than FER2013's), blur, low resolution, JPEG artefacts and low contrast, each on a third of the clips
    /// or more (docs/model-card.md measures it against <see cref="Default"/>).
    /// </summary>
    public static PseudoSequenceOptions RealPhotos { get; } = new()
    {
        MaxScale = 0.15f,
        BlurProbability = 0.25f,
        LowResolutionProbability = 0.25f,
        JpegProbability = 0.3f,
        LowContrastProbability = 0.5f,
    };

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public PseudoSequenceOptions Validate()
    {
        var check = new OptionCheck(nameof(PseudoSequenceOptions));
        check.Require(MaxRotationDegrees, MaxRotationDegrees is >= 0 and <= 45, "must be in [0, 45]");
        check.Require(MaxScale, MaxScale is >= 0 and <= 0.5f, "must be in [0, 0.5]");
        check.Require(MaxShiftPixels, MaxShiftPixels is >= 0 and <= 16, "must be in [0, 16]");
        check.Require(DriftPixels, DriftPixels is >= 0 and <= 8, "must be in [0, 8]");
        check.Require(WobbleDegrees, WobbleDegrees is >= 0 and <= 10, "must be in [0, 10]");
        check.Require(WobblePixels, WobblePixels is >= 0 and <= 4, "must be in [0, 4]");
        check.Require(FlipProbability, FlipProbability is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(BrightnessJitter, BrightnessJitter is >= 0 and <= 128, "must be in [0, 128]");
        check.Require(ContrastJitter, ContrastJitter is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(NoiseStd, NoiseStd is >= 0 and <= 50, "must be in [0, 50]");
        check.Require(OcclusionProbability, OcclusionProbability is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(MaxOcclusionFraction, MaxOcclusionFraction is >= 0.05f and <= 1, "must be in [0.05, 1]");
        check.Require(BlurProbability, BlurProbability is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(MaxBlurSigma, MaxBlurSigma is >= 0.4f and <= 4, "must be in [0.4, 4]");
        check.Require(LowResolutionProbability, LowResolutionProbability is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(MinResolution, MinResolution is >= 4 and <= 47, "must be between 4 and 47");
        check.Require(JpegProbability, JpegProbability is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(MinJpegQuality, MinJpegQuality is >= 1 and <= 95, "must be between 1 and 95");
        check.Require(LowContrastProbability, LowContrastProbability is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(MinContrast, MinContrast is >= 0.05f and <= 1, "must be in [0.05, 1]");
        return this;
    }
}
