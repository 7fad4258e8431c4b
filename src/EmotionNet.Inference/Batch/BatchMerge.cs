using EmotionNet.Core;

namespace EmotionNet.Inference.Batch;

/// <summary>
/// Combines the output folders of a batch's shards into the report one process over the whole batch
/// writes: the same rows in plan order, built from the same stored records, so batch.csv, batch.json,
/// batch-segments.csv and batch-segments.json are byte-identical to a single run's (batch.png too, drawn
/// from the same report).
/// </summary>
public static class BatchMerge
{
    private const int MissingNamed = 5;

    /// <summary>Reads every shard folder, checks they are the shards of one plan, and writes the combined report and segments to <paramref name="output"/>.</summary>
    /// <exception cref="EmotionNetException">
    /// A folder is not a batch folder, the folders come from different plans or models, a shard is given
    /// twice, or a shard is missing; the message names the folders or shards.
    /// </exception>
    public static BatchReport Merge(IReadOnlyList<string> shardFolders, string output, IBatchPlots? plots = null)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        if (shardFolders.Count == 0) throw new EmotionNetException("Nothing to merge: give at least one shard folder.");
        var plans = shardFolders.Select(f => (Folder: f, Plan: BatchPlanFile.Read(f))).ToArray();
        var first = plans[0];
        foreach (var (folder, plan) in plans.Skip(1))
        {
            if (plan.Fingerprint != first.Plan.Fingerprint)
                throw new EmotionNetException($"'{folder}' and '{first.Folder}' are shards of different batches (planned from other inputs).");
            if (plan.Shard.Count != first.Plan.Shard.Count)
                throw new EmotionNetException($"'{folder}' is shard {plan.Shard} but '{first.Folder}' is shard {first.Plan.Shard}: the batch was split two ways.");
            if (!plan.Classes.SequenceEqual(first.Plan.Classes))
                throw new EmotionNetException($"'{folder}' and '{first.Folder}' were analyzed by models with different classes.");
        }
        var count = first.Plan.Shard.Count;
        var byIndex = new Dictionary<int, string>();
        foreach (var (folder, plan) in plans)
        {
            if (byIndex.TryGetValue(plan.Shard.Index, out var other))
                throw new EmotionNetException($"'{folder}' and '{other}' are both shard {plan.Shard}.");
            byIndex[plan.Shard.Index] = folder;
        }
        if (byIndex.Count < count)
        {
            // A damaged plan may claim two billion shards: name the first few missing, count the rest.
            var missing = Enumerable.Range(0, count).Where(i => !byIndex.ContainsKey(i)).Take(MissingNamed).Select(i => $"{i}/{count}").ToArray();
            var more = count - byIndex.Count - missing.Length;
            throw new EmotionNetException($"Shard(s) {string.Join(", ", missing)}{(more > 0 ? $" and {more} more" : "")} missing from {string.Join(", ", shardFolders.Select(f => $"'{f}'"))}: pass the output folder of every shard of the batch.");
        }

        var classes = first.Plan.Classes;
        var records = first.Plan.Inputs
            .Select((input, i) => BatchRecord.Read(byIndex[i % count], input, classes) ?? BatchRecord.Pending(input))
            .ToArray();
        var report = new BatchReport(classes, records);
        report.Write(output, plots);
        BatchSegments.Write(output, first.Plan.Inputs.Select((input, i) => (records[i], Path.Combine(byIndex[i % count], input.Folder))).ToArray());
        return report;
    }
}
