using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Augmentation.Temporal;

namespace EmotionNet.Training.Temporal;

/// <summary>
/// Composes change-aware clips from a <see cref="FeatureBank"/>: a <see cref="TemporalClipPlan"/> per clip
/// decides where the expression changes and which frames are corrupted; each segment takes a face of another
/// class than the segment before, its clean frames walk among that face's poses (a pose holds for a few
/// frames, as a head does), corrupted frames take the face's nuisance row and repeated frames the row shown
/// before. Targets are per frame: the class of the face a frame shows.
/// </summary>
internal sealed class TemporalClipSampler(FeatureBank bank, TemporalClipOptions options)
{
    /// <summary>
    /// Fills <paramref name="rows"/> and <paramref name="targets"/> (each clips x Length) for clips starting
    /// at the given faces, and <paramref name="corrupted"/> with whether each frame is a nuisance frame.
    /// </summary>
    public void Compose(ReadOnlySpan<int> firstFaces, ulong seed, Span<long> rows, Span<long> targets, Span<bool> corrupted)
    {
        var length = options.Length;
        var faces = new int[3];
        for (var c = 0; c < firstFaces.Length; c++)
        {
            var clipSeed = SplitMix64.Mix(seed, (ulong)c, (ulong)firstFaces[c]);
            var plan = TemporalClipPlan.Create(options, clipSeed);
            var rng = new SplitMix64(clipSeed ^ 0xC11F5EEDUL);
            faces[0] = firstFaces[c];
            for (var s = 1; s < plan.SegmentCount; s++) faces[s] = OtherClassFace(ref rng, bank.Labels[faces[s - 1]]);
            var pose = rng.NextInt(bank.Poses);
            for (var t = 0; t < length; t++)
            {
                var i = c * length + t;
                var face = faces[plan.SegmentOf(t)];
                if (t > 0 && plan.SegmentOf(t) != plan.SegmentOf(t - 1) || rng.Chance(0.25f)) pose = rng.NextInt(bank.Poses);
                var kind = plan.Nuisance(t);
                rows[i] = kind switch
                {
                    FrameNuisance.None => bank.PoseRow(face, pose),
                    FrameNuisance.Repeat => rows[c * length + plan.ContentFrame(t)],
                    _ => bank.NuisanceRow(face, kind),
                };
                targets[i] = bank.Labels[faces[plan.TargetSegment(t)]];
                corrupted[i] = kind != FrameNuisance.None;
            }
        }
    }

    private int OtherClassFace(ref SplitMix64 rng, int label)
    {
        // Rejection sampling: with seven classes a draw of another class takes about 1.2 tries.
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var face = rng.NextInt(bank.Count);
            if (bank.Labels[face] != label) return face;
        }
        return rng.NextInt(bank.Count); // one class only: nothing to change to
    }
}
