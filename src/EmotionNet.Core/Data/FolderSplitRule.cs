using System.Text;

namespace EmotionNet.Core.Data;

/// <summary>
/// How a folder data set without split folders is split: within each class, clips are ranked by a
/// 64-bit FNV-1a hash of their path relative to the class folder ('/'-separated, as written on
/// disk), ties broken by that path; the first 10% (rounded) are PublicTest, the next 10% PrivateTest,
/// the rest Training. The rule depends on nothing but the names, so it is the same on every machine
/// and run; adding a clip moves at most the few clips at the 10% boundaries between splits.
/// </summary>
internal static class FolderSplitRule
{
    public const double HeldOutFraction = 0.1;

    public static ulong StableHash(string relativePath)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(relativePath.Replace('\\', '/')))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    /// <summary>The split of each of <paramref name="relativePaths"/> (one class's clips).</summary>
    public static DataSplit[] Assign(IReadOnlyList<string> relativePaths)
    {
        var order = Enumerable.Range(0, relativePaths.Count)
            .OrderBy(i => StableHash(relativePaths[i]))
            .ThenBy(i => relativePaths[i], StringComparer.Ordinal)
            .ToArray();
        var heldOut = (int)Math.Round(relativePaths.Count * HeldOutFraction, MidpointRounding.AwayFromZero);
        var splits = new DataSplit[relativePaths.Count];
        for (var rank = 0; rank < order.Length; rank++)
            splits[order[rank]] = rank < heldOut ? DataSplit.PublicTest : rank < 2 * heldOut ? DataSplit.PrivateTest : DataSplit.Training;
        return splits;
    }
}
