using EmotionNet.Core;

namespace EmotionNet.Training.Augmentation.Temporal;

/// <summary>
/// The layout of one temporal clip, before any pixels: where the expression changes, and which frames are
/// corrupted how. A pure function of the options and the seed, shared by the pixel renderer
/// (<see cref="TemporalClipRenderer"/>) and by trainers that compose clips from precomputed features.
/// </summary>
public sealed class TemporalClipPlan
{
    private readonly int[] segmentStarts;
    private readonly FrameNuisance[] nuisances;
    private readonly ulong[] burstSeeds;
    private readonly int[] contentFrames;

    private TemporalClipPlan(int[] segmentStarts, FrameNuisance[] nuisances, ulong[] burstSeeds)
    {
        this.segmentStarts = segmentStarts;
        this.nuisances = nuisances;
        this.burstSeeds = burstSeeds;
        contentFrames = new int[nuisances.Length];
        for (var t = 0; t < nuisances.Length; t++) contentFrames[t] = nuisances[t] == FrameNuisance.Repeat ? contentFrames[t - 1] : t;
    }

    /// <summary>Frames in the clip.</summary>
    public int Length => nuisances.Length;

    /// <summary>Expression segments (1 to 3): segment s covers frames [SegmentStart(s), SegmentStart(s + 1)).</summary>
    public int SegmentCount => segmentStarts.Length;

    /// <summary>First frame of segment <paramref name="segment"/>.</summary>
    public int SegmentStart(int segment) => segmentStarts[segment];

    /// <summary>The segment whose face frame <paramref name="t"/> was rendered from.</summary>
    public int SegmentOf(int t)
    {
        var s = segmentStarts.Length - 1;
        while (segmentStarts[s] > t) s--;
        return s;
    }

    /// <summary>
    /// The segment whose face frame <paramref name="t"/> shows: its own, except that a repeated frame shows
    /// the frame before its burst. This is the frame's target.
    /// </summary>
    public int TargetSegment(int t) => SegmentOf(contentFrames[t]);

    /// <summary>The frame whose picture frame <paramref name="t"/> shows (itself, or for a repeat, the last frame before the burst).</summary>
    public int ContentFrame(int t) => contentFrames[t];

    /// <summary>How frame <paramref name="t"/> is corrupted.</summary>
    public FrameNuisance Nuisance(int t) => nuisances[t];

    /// <summary>The seed of the burst frame <paramref name="t"/> belongs to (the same for every frame of one burst).</summary>
    public ulong BurstSeed(int t) => burstSeeds[t];

    /// <summary>Lays out one clip.</summary>
    /// <exception cref="EmotionNetException">An option is out of range.</exception>
    public static TemporalClipPlan Create(TemporalClipOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var rng = new SplitMix64(seed);
        var length = options.Length;
        var min = options.MinSegmentFrames;

        // Changes: draw every value always, so that the nuisance stream does not depend on the change decision.
        var changes = rng.Chance(options.ChangeProbability) ? (rng.Chance(options.SecondChangeProbability) ? 2 : 1) : 0;
        var first = rng.NextFloat();
        var second = rng.NextFloat();
        if (changes == 2 && length < 3 * min) changes = 1;
        int[] starts = changes switch
        {
            0 => [0],
            1 => [0, min + (int)(first * (length - 2 * min + 1))],
            _ => TwoChanges(length, min, first, second),
        };

        var nuisances = new FrameNuisance[length];
        var seeds = new ulong[length];
        var kinds = Enum.GetValues<FrameNuisance>();
        for (var t = 0; t < length;)
        {
            var burstStarts = rng.Chance(options.Nuisance.BurstProbability);
            var kind = kinds[1 + rng.NextInt(kinds.Length - 1)];
            var burst = 1 + rng.NextInt(options.Nuisance.MaxBurstFrames);
            var burstSeed = rng.Next();
            // The first frame of a clip has nothing before it to repeat.
            if (!burstStarts || (t == 0 && kind == FrameNuisance.Repeat)) { t++; continue; }
            for (var i = 0; i < burst && t < length; i++, t++) (nuisances[t], seeds[t]) = (kind, burstSeed);
            t++; // a clean frame after every burst keeps bursts apart
        }
        return new TemporalClipPlan(starts, nuisances, seeds);
    }

    private static int[] TwoChanges(int length, int min, float first, float second)
    {
        // Three segments of at least min frames: split the spare frames at two sorted uniform points.
        var spare = length - 3 * min;
        var (a, b) = first < second ? (first, second) : (second, first);
        var one = min + (int)(a * spare);
        var two = 2 * min + (int)(b * spare);
        return [0, one, Math.Max(two, one + min)];
    }
}
