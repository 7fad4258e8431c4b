using System.Text.Json;
using EmotionNet.Core;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Batch;
using EmotionNet.Plotting;
using EmotionNet.TestSupport;

namespace EmotionNet.Inference.Tests.Batch;

public sealed class BatchRunnerTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string videos;

    public BatchRunnerTests()
    {
        // Three short clips (one face each, different faces and places) and one file that only looks like a video.
        videos = folder.File("videos");
        Directory.CreateDirectory(videos);
        for (var i = 0; i < 3; i++)
            SyntheticScene.WriteVideo(Path.Combine(videos, $"clip{i}.avi"), 6, 320, 240, 6, SyntheticScene.OneMovingFace(SyntheticScene.FaceFiles[i], 40 + 20 * i, 40, 140, 4));
        File.WriteAllText(Path.Combine(videos, "broken.avi"), "not a video at all");
    }

    public void Dispose() => folder.Dispose();

    private static Task<BatchResult> Run(BatchPlan plan, string output, Shard? shard = null, FakeClassifier? classifier = null, IProgress<BatchProgress>? progress = null, CancellationToken cancel = default) =>
        BatchRunner.RunAsync(classifier ?? new FakeClassifier(), plan, AnalyzerOptions.Default, new OutputOptions { Directory = output }, new BatchOptions { Shard = shard, Plots = AnalysisPlots.Instance }, progress, cancel);

    [Fact]
    public async Task Each_input_gets_its_folder_a_failing_input_is_recorded_and_the_batch_goes_on()
    {
        var plan = BatchPlan.FromPaths([videos]);
        var output = folder.File("out");

        var result = await Run(plan, output);

        Assert.Equal(["broken.avi", "clip0.avi", "clip1.avi", "clip2.avi"], plan.Inputs.Select(i => i.Name));
        Assert.Equal((3, 0, 1, false), (result.Analyzed, result.Skipped, result.Failed, result.Cancelled));
        var broken = result.Report.Records[0];
        Assert.Equal(BatchStatus.Failed, broken.Status);
        Assert.Contains("broken.avi", broken.Error, StringComparison.Ordinal);
        Assert.Equal([BatchFiles.Error], Directory.GetFiles(Path.Combine(output, "broken.avi")).Select(Path.GetFileName));
        foreach (var clip in new[] { "clip0.avi", "clip1.avi", "clip2.avi" })
        {
            var files = Directory.GetFiles(Path.Combine(output, clip)).Select(Path.GetFileName).ToHashSet();
            Assert.Superset(new HashSet<string?> { BatchFiles.Done, OutputOptions.FramesCsv, OutputOptions.FramesJson, OutputOptions.SummaryJson, OutputOptions.SummaryText }, files);
        }
        Assert.False(Directory.Exists(Path.Combine(output, BatchFiles.Staging)));

        var csv = File.ReadAllLines(Path.Combine(output, BatchFiles.ReportCsv));
        Assert.Equal(result.Report.CsvHeader(), csv[0]);
        Assert.StartsWith("broken.avi,broken.avi,failed,", csv[1], StringComparison.Ordinal);
        Assert.All(csv.Skip(2), row => Assert.Matches("^clip[0-2].avi,clip[0-2].avi,done,,6,1,[1-6],", row));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BatchFiles.ReportJson)));
        Assert.Equal(1, json.RootElement.GetProperty("failed").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("done").GetInt32());
        Assert.True(new FileInfo(Path.Combine(output, BatchFiles.ReportPlot)).Length > 0);

        // Combined segments: every done clip's segments.csv rows, in plan order, led by input and folder.
        var segments = File.ReadAllLines(Path.Combine(output, BatchFiles.SegmentsCsv));
        Assert.Equal(BatchSegments.CsvHeader, segments[0]);
        var expected = new[] { "clip0.avi", "clip1.avi", "clip2.avi" }
            .SelectMany(clip => File.ReadAllLines(Path.Combine(output, clip, OutputOptions.SegmentsCsv)).Skip(1).Select(row => $"{clip},{clip},{row}"))
            .ToArray();
        Assert.True(expected.Length >= 3, $"{expected.Length} segment(s)");
        Assert.Equal(expected, segments.Skip(1));
        Assert.Contains(Path.GetFullPath(Path.Combine(output, BatchFiles.SegmentsCsv)), result.Files);
        using var segmentsJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BatchFiles.SegmentsJson)));
        Assert.Equal(expected.Length, segmentsJson.RootElement.GetProperty("segments").GetArrayLength());
        Assert.Equal(0, segmentsJson.RootElement.GetProperty("without_segments").GetArrayLength());
    }

    [Fact]
    public async Task A_done_input_without_segments_json_is_listed_not_passed_off_as_having_none()
    {
        var plan = BatchPlan.FromPaths([videos]);
        var output = folder.File("out");
        await Run(plan, output);
        File.Delete(Path.Combine(output, "clip1.avi", OutputOptions.SegmentsJson)); // as a folder analyzed before segments existed

        await Run(plan, output);

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BatchFiles.SegmentsJson)));
        Assert.Equal(["clip1.avi"], json.RootElement.GetProperty("without_segments").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(output, BatchFiles.SegmentsCsv)), row => row.StartsWith("clip1.avi,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rerun_skips_completed_inputs_and_retries_failed_ones()
    {
        var plan = BatchPlan.FromPaths([videos]);
        var output = folder.File("out");
        await Run(plan, output);
        var report = File.ReadAllBytes(Path.Combine(output, BatchFiles.ReportCsv));
        // A time no run writes: a rewrite shows however soon it comes (no clock's resolution hides it).
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(output, "clip1.avi", OutputOptions.FramesCsv), stamp);

        var classifier = new FakeClassifier();
        var steps = new List<BatchProgress>();
        var again = await Run(plan, output, classifier: classifier, progress: new Collect(steps));

        Assert.Equal((0, 3, 1), (again.Analyzed, again.Skipped, again.Failed));
        Assert.Empty(classifier.Calls); // the broken file fails before any face reaches the model
        Assert.Equal(3, steps.Count(s => s.Step == BatchStep.Skipped));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(output, "clip1.avi", OutputOptions.FramesCsv)));
        Assert.Equal(report, File.ReadAllBytes(Path.Combine(output, BatchFiles.ReportCsv)));
    }

    [Fact]
    public async Task Merged_shards_write_the_same_bytes_as_one_process_over_all_inputs()
    {
        var plan = BatchPlan.FromPaths([videos]);
        var single = folder.File("single");
        await Run(plan, single);
        var shards = Enumerable.Range(0, 3).Select(k => folder.File($"shard-{k}")).ToArray();
        for (var k = 0; k < 3; k++)
        {
            var part = await Run(plan, shards[k], new Shard(k, 3));
            Assert.Equal(plan.Select(new Shard(k, 3)).Select(i => i.Name), part.Report.Records.Select(r => r.Input));
        }
        var merged = folder.File("merged");

        var report = BatchMerge.Merge(shards.Reverse().ToArray(), merged, AnalysisPlots.Instance);

        Assert.Equal(4, report.Records.Count);
        foreach (var name in new[] { BatchFiles.ReportCsv, BatchFiles.ReportJson, BatchFiles.ReportPlot, BatchFiles.SegmentsCsv, BatchFiles.SegmentsJson })
            Assert.True(File.ReadAllBytes(Path.Combine(single, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(merged, name))), $"{name} differs");
    }

    [Fact]
    public async Task Merge_refuses_a_missing_shard_and_shards_of_another_batch()
    {
        var plan = BatchPlan.FromPaths([videos]);
        await Run(plan, folder.File("s0"), new Shard(0, 2));
        var e = Assert.Throws<EmotionNetException>(() => BatchMerge.Merge([folder.File("s0")], folder.File("m")));
        Assert.Contains("1/2", e.Message, StringComparison.Ordinal);

        var other = BatchPlan.FromPaths([Path.Combine(videos, "clip0.avi")]);
        await Run(other, folder.File("o1"), new Shard(1, 2));
        Assert.Contains("different batches", Assert.Throws<EmotionNetException>(() => BatchMerge.Merge([folder.File("s0"), folder.File("o1")], folder.File("m"))).Message, StringComparison.Ordinal);
        Assert.Contains("no batch-plan.json", Assert.Throws<EmotionNetException>(() => BatchMerge.Merge([videos], folder.File("m"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_leaves_only_complete_folders_under_final_names_and_a_rerun_finishes()
    {
        var plan = BatchPlan.FromPaths([videos]);
        var output = folder.File("out");
        using var cancel = new CancellationTokenSource();
        // Stop as the second clip's frames arrive: its half-analyzed folder must not appear.
        var steps = new List<BatchProgress>();
        var progress = new Collect(steps, p => { if (p is { Step: BatchStep.Frames, Input.Name: "clip1.avi" }) cancel.Cancel(); });

        var stopped = await Run(plan, output, progress: progress, cancel: cancel.Token);

        Assert.True(stopped.Cancelled);
        Assert.Equal([BatchStatus.Failed, BatchStatus.Done, BatchStatus.Pending, BatchStatus.Pending], stopped.Report.Records.Select(r => r.Status));
        Assert.False(Directory.Exists(Path.Combine(output, "clip1.avi")));
        Assert.False(Directory.Exists(Path.Combine(output, BatchFiles.Staging)));

        var finished = await Run(plan, output);
        Assert.Equal((2, 1), (finished.Analyzed, finished.Skipped));
        Assert.Equal(3, finished.Report.Done);
    }

    private sealed class Collect(List<BatchProgress> into, Action<BatchProgress>? also = null) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value)
        {
            into.Add(value);
            also?.Invoke(value);
        }
    }
}
