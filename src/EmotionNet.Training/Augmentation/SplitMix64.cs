namespace EmotionNet.Training.Augmentation;

/// <summary>
/// A tiny seeded generator (SplitMix64). Used instead of <see cref="Random"/> because its sequence is
/// fixed by this code, not by a runtime version, and as a struct it costs no allocation per clip.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Finalize(state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public float NextFloat() => (Next() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public float Uniform(float min, float max) => min + (max - min) * NextFloat();

    /// <summary>Uniform in [-<paramref name="magnitude"/>, <paramref name="magnitude"/>).</summary>
    public float Symmetric(float magnitude) => Uniform(-magnitude, magnitude);

    /// <summary>Uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count) => (int)((Next() >> 33) % (ulong)count);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(float p) => NextFloat() < p;

    /// <summary>0..count-1 in the seeded Fisher-Yates order of <paramref name="seed"/>: the shuffle of every training epoch (ClipBatchLoader, TemporalTrainer).</summary>
    public static int[] Permutation(int count, ulong seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var rng = new SplitMix64(seed);
        for (var i = count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>A well-mixed 64-bit value from several seeds, order-sensitive.</summary>
    public static ulong Mix(ulong a, ulong b, ulong c) =>
        Finalize(Finalize(Finalize(a + 0x9E3779B97F4A7C15UL) ^ b) ^ c);

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
