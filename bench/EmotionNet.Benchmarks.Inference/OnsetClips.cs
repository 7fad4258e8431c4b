using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Training.Augmentation;

/// <summary>
/// Clips of an expression building up from neutral, as in lab sequences that run from a neutral face to the
/// peak of an expression. FER2013 has no identities, so the build-up is a cross-fade: each clip starts on a
/// neutral face (the expressive face's look-alike among the split's neutral faces, to keep the blend close to
/// one face), holds it, blends into the expressive face over 10-20 frames with an eased weight (slow start and
/// slow finish, as a real onset), then holds the peak. Every frame moves, is re-lit and gets sensor noise as
/// one pseudo-sequence (the renderer training uses), so the neutral face and its blends share one head motion.
/// All clips have the same length and peak frame, so they stream side by side.
/// </summary>
internal sealed class OnsetClips
{
    /// <summary>Frame of the peak (the first at full expression), the same in every clip.</summary>
    public const int Peak = 27;

    /// <summary>Frames held at the peak after it.</summary>
    public const int HoldFrames = 15;

    /// <summary>Frames per clip.</summary>
    public const int Length = Peak + 1 + HoldFrames;

    public const int MinRamp = 10, MaxRamp = 20;

    private OnsetClips(byte[][] frames, int[] targets, int[] ramps, int[] expressive, int[] neutral)
    {
        Frames = frames;
        Targets = targets;
        Ramps = ramps;
        Expressive = expressive;
        Neutral = neutral;
    }

    /// <summary>Each clip's <see cref="Length"/> x 2304 grey bytes.</summary>
    public byte[][] Frames { get; }

    /// <summary>Each clip's expression (a class index): the target from the peak on.</summary>
    public int[] Targets { get; }

    /// <summary>Each clip's ramp, in frames: the blend weight rises over frames Peak - Ramp + 1 ... Peak.</summary>
    public int[] Ramps { get; }

    /// <summary>The face each clip builds up to, and the neutral face it starts from (indices into the split).</summary>
    public int[] Expressive { get; }

    public int[] Neutral { get; }

    public int Count => Targets.Length;

    /// <summary>The first frame of clip <paramref name="c"/>'s ramp (weight above 0).</summary>
    public int RampStart(int c) => Peak - Ramps[c] + 1;

    /// <summary>
    /// <paramref name="count"/> clips (at most one per expressive face of <paramref name="faces"/>, drawn without
    /// replacement by <paramref name="seed"/>).
    /// </summary>
    public static OnsetClips Create(FaceClipSet faces, int count, int seed, OnsetShape shape)
    {
        var neutralClass = faces.Classes.IndexOf(Emotion.Neutral);
        var neutrals = Enumerable.Range(0, faces.Count).Where(i => faces.Label(i) == neutralClass).ToArray();
        var candidates = Enumerable.Range(0, faces.Count).Where(i => faces.Label(i) != neutralClass).ToArray();
        var rng = new Random(seed);
        rng.Shuffle(candidates);
        var chosen = candidates.Take(count).ToArray();
        var neutralKeys = neutrals.Select(i => LookKey(faces.Frame(i, 0))).ToArray();
        var generator = new PseudoSequenceGenerator(PseudoSequenceOptions.Default);

        var frames = new byte[chosen.Length][];
        var targets = new int[chosen.Length];
        var ramps = new int[chosen.Length];
        var neutral = new int[chosen.Length];
        for (var c = 0; c < chosen.Length; c++)
        {
            var face = faces.Frame(chosen[c], 0);
            neutral[c] = neutrals[Nearest(LookKey(face), neutralKeys)];
            ramps[c] = rng.Next(MinRamp, MaxRamp + 1);
            targets[c] = faces.Label(chosen[c]);
            frames[c] = Render(generator, faces.Frame(neutral[c], 0), face, ramps[c], shape, (ulong)rng.NextInt64());
        }
        return new OnsetClips(frames, targets, ramps, chosen, neutral);
    }

    /// <summary>The blend weight of the expressive face at frame <paramref name="t"/> of a clip with ramp <paramref name="ramp"/>.</summary>
    public static double Weight(int t, int ramp, OnsetShape shape)
    {
        var step = t - (Peak - ramp);
        if (step <= 0) return 0;
        if (step >= ramp) return 1;
        var x = step / (double)ramp;
        return shape == OnsetShape.Eased ? 0.5 - 0.5 * Math.Cos(Math.PI * x) : x * x * x;
    }

    private static byte[] Render(PseudoSequenceGenerator generator, ReadOnlySpan<byte> neutral, ReadOnlySpan<byte> expressive, int ramp, OnsetShape shape, ulong seed)
    {
        // Source frame k is the blend at ramp step k (0: the neutral face, ramp: the expressive face).
        const int bytes = FaceImage.FrameBytes;
        var sources = new byte[(ramp + 1) * bytes];
        for (var k = 0; k <= ramp; k++)
        {
            var w = Weight(Peak - ramp + k, ramp, shape);
            for (var i = 0; i < bytes; i++) sources[k * bytes + i] = (byte)Math.Round((1 - w) * neutral[i] + w * expressive[i]);
        }
        var indices = new int[Length];
        for (var t = 0; t < Length; t++) indices[t] = Math.Clamp(t - (Peak - ramp), 0, ramp);
        var frames = new byte[Length * bytes];
        generator.Generate(sources, indices, seed, frames);
        return frames;
    }

    // A face's look for matching: 24x24 means, standardised, so the match ignores brightness and contrast.
    private static float[] LookKey(ReadOnlySpan<byte> face)
    {
        const int side = FaceImage.Side, half = side / 2;
        var key = new float[half * half];
        for (var y = 0; y < half; y++)
            for (var x = 0; x < half; x++)
                key[y * half + x] = face[2 * y * side + 2 * x] + face[2 * y * side + 2 * x + 1] + face[(2 * y + 1) * side + 2 * x] + face[(2 * y + 1) * side + 2 * x + 1];
        var mean = key.Average();
        var std = MathF.Sqrt(key.Select(v => (v - mean) * (v - mean)).Average()) + 1e-3f;
        for (var i = 0; i < key.Length; i++) key[i] = (key[i] - mean) / std;
        return key;
    }

    private static int Nearest(float[] key, float[][] keys)
    {
        var best = 0;
        var bestDistance = float.MaxValue;
        for (var j = 0; j < keys.Length; j++)
        {
            var d = 0f;
            for (var i = 0; i < key.Length; i++) d += (key[i] - keys[j][i]) * (key[i] - keys[j][i]);
            if (d < bestDistance) (best, bestDistance) = (j, d);
        }
        return best;
    }
}

/// <summary>How the blend weight rises over an onset.</summary>
internal enum OnsetShape
{
    /// <summary>A cosine ease: slow start, fastest mid-way, slow finish.</summary>
    Eased,
    /// <summary>Cubic: faint for most of the ramp, fastest at the end.</summary>
    Late,
}
