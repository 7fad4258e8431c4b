using EmotionNet.Inference.Batch;

namespace EmotionNet.Fuzz;

/// <summary>
/// Two shard folders (0/2, 1/2) of a batch of four videos, written by the library's own writers as a
/// run leaves them: shard 0 (inputs 0 and 2) has a.mp4 done with one face and c.mp4 failed; shard 1
/// (inputs 1 and 3) has b.mp4 done without faces and d.mp4 pending.
/// </summary>
internal static class MergeSeeds
{
    private static readonly string[] Classes = ["Angry", "Disgust", "Fear", "Happy", "Sad", "Surprise", "Neutral"];

    public static void Write(string root)
    {
        BatchInput[] inputs = [new("/data/a.mp4", "a.mp4", "a.mp4"), new("/data/b.mp4", "b.mp4", "b.mp4"), new("/data/c.mp4", "c.mp4", "c.mp4"), new("/data/d.mp4", "d.mp4", "d.mp4")];
        for (var shard = 0; shard < 2; shard++)
        {
            var folder = Path.Combine(root, $"shard-{shard}");
            Directory.CreateDirectory(folder);
            new BatchPlanFile("f1e2d3", new Shard(shard, 2), Classes, inputs).Save(folder);
        }
        var shard0 = Path.Combine(root, "shard-0");
        Directory.CreateDirectory(Path.Combine(shard0, "a.mp4"));
        new BatchRecord("a.mp4", "a.mp4", BatchStatus.Done, null, 12, [new BatchFace(1, 12, "Happy", [0, 0, 0, 0.75, 0, 0, 0.25], 0.0833, 0.6123)])
            .Save(Path.Combine(shard0, "a.mp4"), Classes);
        Directory.CreateDirectory(Path.Combine(shard0, "c.mp4"));
        new BatchRecord("c.mp4", "c.mp4", BatchStatus.Failed, "Video '/data/c.mp4' could not be opened.", 0, []).Save(Path.Combine(shard0, "c.mp4"), Classes);
        var shard1 = Path.Combine(root, "shard-1");
        Directory.CreateDirectory(Path.Combine(shard1, "b.mp4"));
        new BatchRecord("b.mp4", "b.mp4", BatchStatus.Done, null, 3, []).Save(Path.Combine(shard1, "b.mp4"), Classes);
    }
}
