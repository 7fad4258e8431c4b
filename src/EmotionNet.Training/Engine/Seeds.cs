using EmotionNet.Training.Augmentation;

namespace EmotionNet.Training.Engine;

/// <summary>
/// Derives per-epoch and per-batch seeds from the run seed with the same fixed mixing function the
/// augmentation uses (<see cref="SplitMix64.Mix"/>; HashCode is randomized per process, so it cannot
/// be used for reproducible runs).
/// </summary>
internal static class Seeds
{
    /// <summary>A non-negative seed for libtorch's generator from the run seed and two indices.</summary>
    public static long Derive(long seed, long a, long b = 0) =>
        (long)(SplitMix64.Mix(unchecked((ulong)seed), unchecked((ulong)a), unchecked((ulong)b)) & 0x7FFF_FFFF_FFFF_FFFFUL);
}
