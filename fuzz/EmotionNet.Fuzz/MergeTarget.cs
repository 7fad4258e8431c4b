using EmotionNet.Core;
using EmotionNet.Inference.Batch;

namespace EmotionNet.Fuzz;

/// <summary>
/// <c>merge</c>: <see cref="BatchMerge.Merge"/> over two shard folders of one valid batch, with the input
/// in turn as shard 0's batch-plan.json, as one input's done.json and as another's error.json. Allowed:
/// <see cref="EmotionNetException"/>.
/// </summary>
internal static class MergeTarget
{
    private static string? root;

    public static void Run(Stream input)
    {
        var bytes = Targets.ReadAll(input);
        root ??= Seeded();
        foreach (var replaced in new[] { BatchFiles.Plan, "a.mp4/" + BatchFiles.Done, "c.mp4/" + BatchFiles.Error })
        {
            // The shard folders are written once; each input replaces one file and puts it back after.
            var file = Path.Combine(root, "shard-0", replaced);
            var original = File.ReadAllBytes(file);
            File.WriteAllBytes(file, bytes);
            try
            {
                _ = BatchMerge.Merge([Path.Combine(root, "shard-0"), Path.Combine(root, "shard-1")], Path.Combine(root, "merged"));
            }
            catch (EmotionNetException)
            {
            }
            finally
            {
                File.WriteAllBytes(file, original);
            }
        }
    }

    private static string Seeded()
    {
        var folder = Path.Combine(FuzzFolder.Root, "merge");
        MergeSeeds.Write(folder);
        return folder;
    }
}
