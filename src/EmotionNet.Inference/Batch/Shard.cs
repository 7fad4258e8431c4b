using EmotionNet.Core.Options;

namespace EmotionNet.Inference.Batch;

/// <summary>
/// One share of a batch: shard <see cref="Index"/> of <see cref="Count"/>, counted from 0 (so an
/// <c>sbatch --array=0-(N-1)</c> task id or a Kubernetes Indexed Job's completion index is the index as it is).
/// Input i of the sorted plan belongs to shard <c>i mod Count</c>: round-robin, so shards of a folder
/// of similar recordings get similar amounts of work, and every input is in exactly one shard.
/// </summary>
/// <param name="Index">Which share, in [0, Count).</param>
/// <param name="Count">How many shares the batch is split into (at least 1).</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The whole batch in one share (0 of 1).</summary>
    public static Shard All { get; } = new(0, 1);

    /// <summary>True when input <paramref name="position"/> of the sorted plan is in this share.</summary>
    public bool Contains(int position) => position % Count == Index;

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public Shard Validate()
    {
        var check = new OptionCheck(nameof(Shard));
        check.Require(Count, Count >= 1, "must be at least 1");
        check.Require(Index, Index >= 0 && Index < Count, $"must be in [0, {Count - 1}] (counted from 0)");
        return this;
    }

    /// <summary>"K/N", as the command line takes it.</summary>
    public override string ToString() => $"{Index}/{Count}";
}
