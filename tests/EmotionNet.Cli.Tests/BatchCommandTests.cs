using System.CommandLine;
using EmotionNet.Cli.Commands;
using EmotionNet.Cli.Flags;
using EmotionNet.Core.Classifiers;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Batch;
using EmotionNet.TestSupport;

namespace EmotionNet.Cli.Tests;

[Collection("console")]
public class BatchCommandTests
{
    private static Task<int> InvokeAnalyze(params string[] args)
    {
        var root = new RootCommand { AnalyzeCommand.Create(Fake), MergeCommand.Create() };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static IEmotionClassifier Fake(ModelChoice model) => new FakeClassifier();

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData("0/3", 0, 3)]
    [InlineData("2/3", 2, 3)]
    [InlineData("0/1", 0, 1)]
    public void Shard_flag_counts_from_zero(string flag, int index, int count)
    {
        Assert.Equal((new Shard(index, count), "--shard"), ShardFlags.Resolve(flag, null, Env(("SLURM_ARRAY_TASK_ID", "7"))));
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("1/0")]
    [InlineData("-1/2")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void A_bad_shard_flag_is_a_usage_error(string flag)
    {
        var e = Assert.Throws<UsageException>(() => ShardFlags.Resolve(flag, null, Env()));
        Assert.Contains("--shard", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // --array=0-2, --array=1-3 and --array=10-18:4 are all shards 0..2 of 3.
    [InlineData("0", "0", "2", "1", "3", 0)]
    [InlineData("2", "0", "2", "1", "3", 2)]
    [InlineData("1", "1", "3", "1", "3", 0)]
    [InlineData("3", "1", "3", "1", "3", 2)]
    [InlineData("14", "10", "18", "4", "3", 1)]
    public void Slurm_array_variables_give_the_shard_relative_to_the_array_minimum(string id, string min, string max, string step, string count, int index)
    {
        var env = Env(("SLURM_ARRAY_TASK_ID", id), ("SLURM_ARRAY_TASK_MIN", min), ("SLURM_ARRAY_TASK_MAX", max), ("SLURM_ARRAY_TASK_STEP", step), ("SLURM_ARRAY_TASK_COUNT", count));
        Assert.Equal(new Shard(index, 3), ShardFlags.Resolve(null, null, env).Shard);
    }

    [Fact]
    public void A_slurm_array_that_is_not_one_range_is_refused()
    {
        // --array=1,2,7: MIN 1, MAX 7, COUNT 3.
        var env = Env(("SLURM_ARRAY_TASK_ID", "7"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_MAX", "7"), ("SLURM_ARRAY_TASK_COUNT", "3"));
        Assert.Contains("--array=0-2", Assert.Throws<UsageException>(() => ShardFlags.Resolve(null, null, env)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indexed_job_needs_a_count_from_the_flag_or_the_variable()
    {
        Assert.Equal(new Shard(4, 5), ShardFlags.Resolve(null, 5, Env(("JOB_COMPLETION_INDEX", "4"))).Shard);
        Assert.Equal(new Shard(1, 2), ShardFlags.Resolve(null, null, Env(("JOB_COMPLETION_INDEX", "1"), (ShardFlags.CountVariable, "2"))).Shard);
        Assert.Contains(ShardFlags.CountVariable, Assert.Throws<UsageException>(() => ShardFlags.Resolve(null, null, Env(("JOB_COMPLETION_INDEX", "1")))).Message, StringComparison.Ordinal);
        Assert.Throws<UsageException>(() => ShardFlags.Resolve(null, 2, Env(("JOB_COMPLETION_INDEX", "2"))));
        Assert.Throws<UsageException>(() => ShardFlags.Resolve(null, 2, Env()));
    }

    [Fact]
    public void Without_flags_or_variables_the_whole_batch_runs()
    {
        Assert.Equal((Shard.All, (string?)null), ShardFlags.Resolve(null, null, Env()));
    }

    [Fact]
    public void One_video_or_one_image_folder_stays_a_single_analysis_unless_batch_is_asked_for()
    {
        using var folder = new TempFolder();
        var video = folder.File("a.avi");
        File.WriteAllText(video, "x");
        var images = folder.File("images");
        Directory.CreateDirectory(images);
        File.WriteAllText(Path.Combine(images, "1.png"), "x");

        Assert.False(BatchAnalyze.IsBatch([video], null, false, null, null));
        Assert.False(BatchAnalyze.IsBatch([images], null, false, null, null));
        Assert.True(BatchAnalyze.IsBatch([video], null, true, null, null));
        Assert.True(BatchAnalyze.IsBatch([video, images], null, false, null, null));
        Assert.True(BatchAnalyze.IsBatch([folder.Path], null, false, null, null)); // holds a video
        Assert.True(BatchAnalyze.IsBatch([Path.Combine(folder.Path, "*.avi")], null, false, null, null));
        Assert.True(BatchAnalyze.IsBatch([], "m.txt", false, null, null));
        Assert.True(BatchAnalyze.IsBatch([video], null, false, "0/2", null));
    }

    [Fact]
    public async Task A_batch_with_a_failing_input_writes_every_other_input_and_exits_3_then_merge_agrees()
    {
        using var folder = new TempFolder();
        var videos = folder.File("videos");
        Directory.CreateDirectory(videos);
        for (var i = 0; i < 2; i++)
            SyntheticScene.WriteVideo(Path.Combine(videos, $"v{i}.avi"), 4, 320, 240, 4, SyntheticScene.OneMovingFace(SyntheticScene.FaceFiles[i], 50, 40, 140, 4));
        File.WriteAllText(Path.Combine(videos, "bad.avi"), "not a video");
        var manifest = folder.File("list.txt");
        File.WriteAllLines(manifest, ["# the study", "videos/v0.avi", "videos/bad.avi", "videos/v1.avi"]);

        Assert.Equal(CliApp.PartialFailure, await InvokeAnalyze("analyze", "--manifest", manifest, "--out", folder.File("all")));
        Assert.Equal(CliApp.PartialFailure, await InvokeAnalyze("analyze", "--manifest", manifest, "--out", folder.File("s0"), "--shard", "0/2"));
        // Sorted: videos/bad.avi, videos/v0.avi, videos/v1.avi; shard 1/2 holds v0 alone.
        Assert.Equal(0, await InvokeAnalyze("analyze", "--manifest", manifest, "--out", folder.File("s1"), "--shard", "1/2"));
        Assert.Equal(CliApp.PartialFailure, await InvokeAnalyze("merge", folder.File("s0"), folder.File("s1"), "--out", folder.File("merged")));

        Assert.True(File.Exists(Path.Combine(folder.File("all"), "videos__v0.avi", OutputOptions.SummaryJson)));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(folder.File("all"), BatchFiles.ReportCsv)), await File.ReadAllTextAsync(Path.Combine(folder.File("merged"), BatchFiles.ReportCsv)));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(folder.File("all"), BatchFiles.ReportJson)), await File.ReadAllTextAsync(Path.Combine(folder.File("merged"), BatchFiles.ReportJson)));
        foreach (var name in new[] { BatchFiles.SegmentsCsv, BatchFiles.SegmentsJson })
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(folder.File("all"), name)), await File.ReadAllTextAsync(Path.Combine(folder.File("merged"), name)));
        Assert.Contains("videos/v0.avi,videos__v0.avi,", await File.ReadAllTextAsync(Path.Combine(folder.File("merged"), BatchFiles.SegmentsCsv)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_error_names_the_line_and_exits_with_the_failure_code()
    {
        using var folder = new TempFolder();
        var manifest = folder.File("list.txt");
        File.WriteAllLines(manifest, ["", "nowhere.mp4"]);
        var (code, text) = await EmotionNet.TestSupport.Cli.CliCapture.RunAsync(["analyze", "--manifest", manifest, "--out", folder.File("out")]);
        Assert.Equal(CliApp.Failure, code);
        Assert.Contains($"{manifest}:2:", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shard", "2/2")]
    [InlineData("--shard-count", "3")]
    [InlineData("--camera", "0")]
    public async Task Bad_batch_flags_exit_with_the_usage_code(string flag, string value)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("a.avi"), "x");
        File.WriteAllText(folder.File("b.avi"), "x");
        Assert.Equal(CliApp.UsageError, await CliApp.RunAsync(["analyze", folder.File("a.avi"), folder.File("b.avi"), flag, value, "--out", folder.File("out")]));
    }
}
