namespace EmotionNet.Training.Engine;

/// <summary>
/// Derives per-epoch and per-batch seeds from the run seed with a fixed mixing function
/// (HashCode is randomized per process, so it cannot be used for reproducible runs).
/// </summary>
internal static class Seeds
{
    public static long Derive(long seed, long a, long b = 0)
    {
        // SplitMix64 over the three inputs.
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)a * 0xBF58476D1CE4E5B9UL + (ulong)b * 0x94D049BB133111EBUL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (long)((z ^ (z >> 31)) & 0x7FFF_FFFF_FFFF_FFFFUL);
    }
}
