using EmotionNet.Core;
using EmotionNet.Inference.Batch;
using EmotionNet.TestSupport;

namespace EmotionNet.Inference.Tests.Batch;

public class BatchPlanTests
{
    private static void Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
    }

    [Fact]
    public void A_folder_of_videos_is_one_input_per_video_below_it_sorted_by_relative_name()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "b.mp4", "a.avi", "p01/s 1.mp4", "notes.txt", "p01/face.png" }) Touch(folder.File(Path.Combine("study", name)));

        var plan = BatchPlan.FromPaths([folder.File("study")]);

        Assert.Equal(["a.avi", "b.mp4", "p01/s 1.mp4"], plan.Inputs.Select(i => i.Name));
        Assert.Equal(["a.avi", "b.mp4", "p01__s_1.mp4"], plan.Inputs.Select(i => i.Folder));
        Assert.True(BatchPlan.HoldsVideos(folder.File("study")));
    }

    [Fact]
    public void A_folder_of_images_only_is_one_image_sequence_input()
    {
        using var folder = new TempFolder();
        Touch(folder.File("seq/1.png"));
        Touch(folder.File("seq/2.png"));
        Assert.False(BatchPlan.HoldsVideos(folder.File("seq")));
        var plan = BatchPlan.FromPaths([folder.File("seq"), folder.File("seq/1.png")]);
        Assert.Equal(["seq", "seq/1.png"], plan.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void A_glob_matches_images_and_videos_and_double_star_crosses_folders()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "a.mp4", "b.mp4", "c.avi", "deep/d.mp4", "deep/e.txt" }) Touch(folder.File(name));

        Assert.Equal(["a.mp4", "b.mp4"], BatchPlan.FromPaths([Path.Combine(folder.Path, "*.mp4")]).Inputs.Select(i => i.Name));
        Assert.Equal(["a.mp4", "b.mp4", "deep/d.mp4"], BatchPlan.FromPaths([Path.Combine(folder.Path, "**", "*.mp4")]).Inputs.Select(i => i.Name));
        var e = Assert.Throws<EmotionNetException>(() => BatchPlan.FromPaths([Path.Combine(folder.Path, "*.mkv")]));
        Assert.Contains("*.mkv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_clash_once_made_safe_get_distinct_stable_folders()
    {
        using var folder = new TempFolder();
        Touch(folder.File("a b.mp4"));
        Touch(folder.File("a_b.mp4"));
        var first = BatchPlan.FromPaths([folder.Path]);
        var again = BatchPlan.FromPaths([folder.File("a_b.mp4"), folder.File("a b.mp4")]);

        Assert.Equal(2, first.Inputs.Select(i => i.Folder).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(first.Inputs, i => Assert.StartsWith("a_b.mp4-", i.Folder, StringComparison.Ordinal));
        Assert.Equal(first.Inputs, again.Inputs);
        Assert.Equal(first.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public void A_manifest_skips_comments_and_blank_lines_and_resolves_paths_from_its_own_folder()
    {
        using var folder = new TempFolder();
        Touch(folder.File("data/x.mp4"));
        Touch(folder.File("data/y.mp4"));
        var manifest = folder.File("lists/study.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
        File.WriteAllLines(manifest, ["# study 1", "", "  ../data/y.mp4  ", "# x below", "../data/x.mp4"]);

        // The working folder is not the manifest's: relative lines still resolve from the manifest.
        var plan = BatchPlan.FromManifest(manifest);

        Assert.Equal(["data/x.mp4", "data/y.mp4"], plan.Inputs.Select(i => i.Name));
        Assert.Equal(Path.GetFullPath(folder.File("data/x.mp4")), plan.Inputs[0].Path);
    }

    [Fact]
    public void A_manifest_line_naming_nothing_is_an_error_naming_file_and_line()
    {
        using var folder = new TempFolder();
        Touch(folder.File("x.mp4"));
        var manifest = folder.File("m.txt");
        File.WriteAllLines(manifest, ["# header", "x.mp4", "missing.mp4"]);

        var e = Assert.Throws<ManifestException>(() => BatchPlan.FromManifest(manifest));

        Assert.Equal(3, e.Line);
        Assert.StartsWith($"{manifest}:3: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("'missing.mp4' does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_that_repeats_an_input_names_both_lines()
    {
        using var folder = new TempFolder();
        Touch(folder.File("x.mp4"));
        var manifest = folder.File("m.txt");
        File.WriteAllLines(manifest, ["x.mp4", "./x.mp4"]);

        var e = Assert.Throws<ManifestException>(() => BatchPlan.FromManifest(manifest));

        Assert.Equal(2, e.Line);
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_manifest_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        var manifest = folder.File("m.txt");
        File.WriteAllLines(manifest, ["# nothing yet"]);
        Assert.Contains(manifest, Assert.Throws<EmotionNetException>(() => BatchPlan.FromManifest(manifest)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(10, 4)]
    [InlineData(2, 5)]
    public void Shards_cover_every_input_exactly_once_and_the_same_way_every_time(int inputs, int shards)
    {
        using var folder = new TempFolder();
        for (var i = 0; i < inputs; i++) Touch(folder.File($"v{i}.mp4"));
        var plan = BatchPlan.FromPaths([folder.Path]);

        var parts = Enumerable.Range(0, shards).Select(k => plan.Select(new Shard(k, shards))).ToArray();

        Assert.Equal(plan.Inputs.OrderBy(i => i.Name, StringComparer.Ordinal), parts.SelectMany(p => p).OrderBy(i => i.Name, StringComparer.Ordinal));
        Assert.Equal(inputs, parts.SelectMany(p => p).Distinct().Count());
        Assert.InRange(parts.Max(p => p.Count) - parts.Min(p => p.Count), 0, 1); // round-robin balances counts
        var replanned = BatchPlan.FromPaths(Enumerable.Range(0, inputs).Reverse().Select(i => folder.File($"v{i}.mp4")));
        Assert.Equal(parts, Enumerable.Range(0, shards).Select(k => replanned.Select(new Shard(k, shards))));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(-1, 2)]
    [InlineData(0, 0)]
    public void A_shard_out_of_range_is_refused(int index, int count)
    {
        Assert.Throws<EmotionNet.Core.Options.OptionsException>(() => new Shard(index, count).Validate());
    }
}
