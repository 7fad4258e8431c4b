using EmotionNet.Core;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Training.Augmentation.Temporal;

/// <summary>
/// Renders a <see cref="TemporalClipPlan"/> to pixels: each segment is its own face moving as a
/// pseudo-sequence (<see cref="PseudoSequenceGenerator"/>), then every corrupted frame gets its nuisance.
/// Pure and thread-safe, like the generator.
/// </summary>
public sealed class TemporalClipRenderer
{
    private readonly PseudoSequenceGenerator motion;

    /// <summary>Creates a renderer with the motion of <paramref name="options"/>.</summary>
    /// <exception cref="EmotionNetException">An option is out of range.</exception>
    public TemporalClipRenderer(TemporalClipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
        motion = new PseudoSequenceGenerator(options.Motion);
    }

    /// <summary>The recipe.</summary>
    public TemporalClipOptions Options { get; }

    /// <summary>
    /// Renders <paramref name="plan"/>: <paramref name="faces"/> holds one 48x48 face (2304 bytes) per
    /// segment, in order; <paramref name="destination"/> gets plan.Length x 2304 bytes.
    /// </summary>
    public void Render(TemporalClipPlan plan, ReadOnlySpan<byte> faces, ulong seed, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(plan);
        const int frame = FaceImage.FrameBytes;
        if (faces.Length != plan.SegmentCount * frame) throw new ArgumentException($"The plan has {plan.SegmentCount} segment(s): give one 2304-byte face for each.", nameof(faces));
        if (destination.Length < plan.Length * frame) throw new ArgumentException("destination is smaller than the clip.", nameof(destination));
        for (var s = 0; s < plan.SegmentCount; s++)
        {
            var start = plan.SegmentStart(s);
            var end = s + 1 < plan.SegmentCount ? plan.SegmentStart(s + 1) : plan.Length;
            var indices = new int[end - start]; // all zero: every frame from the segment's one face
            motion.Generate(faces.Slice(s * frame, frame), indices, SplitMix64.Mix(seed, (ulong)s, 0x5E6), destination.Slice(start * frame, (end - start) * frame));
        }
        for (var t = 0; t < plan.Length; t++)
        {
            var target = destination.Slice(t * frame, frame);
            if (plan.Nuisance(t) == FrameNuisance.Repeat) destination.Slice(plan.ContentFrame(t) * frame, frame).CopyTo(target);
            else FrameNuisances.Apply(plan.Nuisance(t), target, plan.BurstSeed(t));
        }
    }
}
