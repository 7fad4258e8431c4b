using EmotionNet.Core.Imaging;

namespace EmotionNet.Training.Augmentation;

/// <summary>
/// What a face cut from a real photo or video has that a FER2013 face has not, drawn once per clip and
/// applied to each of its frames alike: optical blur, a low resolution blown back up to 48x48, JPEG
/// artefacts and a contrast below the full 0-255 range. <see cref="None"/> when the clip gets none.
/// </summary>
internal sealed class FrameDegradation
{
    // A stream of its own, so that turning degradation on leaves every other draw of a clip unchanged.
    private const ulong StreamSalt = 0xDE6_2ADA_7105UL;

    private readonly SeparableFilter? filter;
    private readonly float[]? jpegSteps;
    private readonly float contrast;

    private FrameDegradation(SeparableFilter? filter, float[]? jpegSteps, float contrast)
    {
        this.filter = filter;
        this.jpegSteps = jpegSteps;
        this.contrast = contrast;
    }

    /// <summary>No degradation.</summary>
    public static FrameDegradation None { get; } = new(null, null, 1);

    /// <summary>Whether this clip is degraded at all.</summary>
    public bool IsNone => filter is null && jpegSteps is null && contrast == 1;

    /// <summary>Draws the degradation of the clip with seed <paramref name="clipSeed"/>.</summary>
    public static FrameDegradation Draw(ulong clipSeed, PseudoSequenceOptions o)
    {
        if (!o.Degrades) return None;
        var rng = new SplitMix64(clipSeed ^ StreamSalt);
        // Every value is drawn whether used or not, so one option's probability does not shift the others' draws.
        bool blur = rng.Chance(o.BlurProbability), lowRes = rng.Chance(o.LowResolutionProbability);
        bool jpeg = rng.Chance(o.JpegProbability), dim = rng.Chance(o.LowContrastProbability);
        var sigma = rng.Uniform(0.4f, o.MaxBlurSigma);
        var side = o.MinResolution + rng.NextInt(FaceImage.Side - o.MinResolution);
        var quality = o.MinJpegQuality + rng.NextInt(96 - o.MinJpegQuality);
        var factor = rng.Uniform(o.MinContrast, 1f);

        SeparableFilter? filter = null;
        if (blur) filter = SeparableFilter.Gaussian(sigma);
        if (lowRes) filter = filter is null ? SeparableFilter.LowResolution(side) : SeparableFilter.LowResolution(side).After(filter);
        return new FrameDegradation(filter, jpeg ? JpegArtefacts.Steps(quality) : null, dim ? factor : 1);
    }

    /// <summary>Degrades one 48x48 frame in place; <paramref name="scratch"/> holds at least 2304 floats.</summary>
    public void Apply(Span<byte> frame, Span<float> scratch)
    {
        if (IsNone) return;
        filter?.Apply(frame, scratch);
        if (contrast != 1)
        {
            // Towards the frame's mean grey, as a dim or hazy face has less spread but the same brightness.
            var sum = 0;
            foreach (var b in frame) sum += b;
            var mean = sum / (float)frame.Length;
            for (var i = 0; i < frame.Length; i++) frame[i] = (byte)Math.Clamp(mean + (frame[i] - mean) * contrast + 0.5f, 0f, 255f);
        }
        // Last, as a camera or an upload compresses what it has already captured.
        if (jpegSteps is not null) JpegArtefacts.Apply(frame, jpegSteps);
    }
}
