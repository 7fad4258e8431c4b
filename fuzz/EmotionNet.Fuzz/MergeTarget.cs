using EmotionNet.Inference.Batch;

namespace EmotionNet.Fuzz;

/// <summary>
/// <c>merge</c>: <see cref="BatchMerge.Merge"/> over two shard folders of one valid batch, with the input
/// in turn as shard 0's batch-plan.json, as one input's done.json and as its error.json. Allowed:
/// <see cref="EmotionNetException"/>.
/// </summary>
internal static class MergeTarget
{
    public static void Run(Stream input)
    {
        var bytes = Targets.ReadAll(input);
        foreach (var replaced in new[] { BatchFiles.Plan, "a.mp4/" + BatchFiles.Done, "c.mp4/" + BatchFiles.Error })
        {
            var root = Path.Combine(FuzzFolder.Root, "merge");
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            MergeSeeds.Write(root);
            File.WriteAllBytes(Path.Combine(root, "shard-0", replaced), bytes);
            try
            {
                _ = BatchMerge.Merge([Path.Combine(root, "shard-0"), Path.Combine(root, "shard-1")], Path.Combine(root, "merged"));
            }
            catch (EmotionNetException)
            {
            }
        }
    }
}
