using EmotionNet.Cli.Flags;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Batch;
using EmotionNet.Reliability.Tests.Support;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;
using OpenCvSharp;

namespace EmotionNet.Reliability.Tests.Corpus;

/// <summary>The library entry points of the batch-era kinds (detector model, photo folders, manifests, shard flags, merge).</summary>
internal static class BatchCorpusRunner
{
    public static string Detect(string model)
    {
        using var detector = FaceDetectors.Create(new DetectorOptions { ModelPath = model });
        using var photo = Cv2.ImRead(BatchCorpusFiles.FacePhoto);
        return $"loaded; {detector.Detect(photo).Count} face(s) in the photo";
    }

    public static string AnalyzeFolder(string folder, string workDir)
    {
        var report = AnalysisRunner.RunAsync(new FakeClassifier(), InputSource.FromPath(folder), AnalyzerOptions.Default, new OutputOptions { Directory = Path.Combine(workDir, "out") })
            .GetAwaiter().GetResult();
        var skipped = report.Summary.Skipped;
        var nothing = report.Summary.FramesProcessed == 0 ? $": no image of '{folder}' could be read" : "";
        return $"{report.Summary.FramesProcessed} frame(s){nothing}, {skipped.Count} skipped: {string.Join("; ", skipped.Select(s => s.Reason))}";
    }

    public static string RunManifest(string manifest, string workDir) => Run(BatchPlan.FromManifest(manifest), Shard.All, workDir);

    /// <summary>The flags (separated by '|') as the CLI's shard parser reads them, then the shard of a two-photo batch.</summary>
    public static string RunShard(string flags, string workDir)
    {
        var tokens = flags.Split('|');
        string? Value(string flag) => Array.IndexOf(tokens, flag) is var i and >= 0 && i + 1 < tokens.Length ? tokens[i + 1] : null;
        int? count = Value("--shard-count") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : null;
        var (shard, _) = ShardFlags.Resolve(Value("--shard"), count, _ => null);
        return Run(BatchPlan.FromPaths(BatchCorpusFiles.TwoPhotos), shard, workDir);
    }

    public static string Merge(string folder, string workDir)
    {
        var report = BatchMerge.Merge(ShardFolders(folder), Path.Combine(workDir, "merged"));
        return $"merged: {report.Records.Count} input(s): {report.Done} done, {report.Failed} failed, {report.Pending} pending; " +
            string.Join("; ", report.Records.Where(r => r.Status != BatchStatus.Done).Select(r => $"{BatchRecord.StatusName(r.Status)} {r.Input}{(r.Error is null ? "" : ": " + r.Error)}"));
    }

    /// <summary>The <c>shard-*</c> folders under <paramref name="folder"/>, in name order, or the folder itself when it has none.</summary>
    public static string[] ShardFolders(string folder)
    {
        var shards = Directory.Exists(folder) ? Directory.GetDirectories(folder, "shard-*").Order(StringComparer.Ordinal).ToArray() : [];
        return shards.Length > 0 ? shards : [folder];
    }

    private static string Run(BatchPlan plan, Shard shard, string workDir)
    {
        var result = BatchRunner.RunAsync(new FakeClassifier(), plan, AnalyzerOptions.Default, new OutputOptions { Directory = Path.Combine(workDir, "out") }, new BatchOptions { Shard = shard })
            .GetAwaiter().GetResult();
        var report = result.Report;
        return $"batch: {report.Records.Count} of {plan.Inputs.Count} input(s) in shard {shard}: {report.Done} done, {report.Failed} failed, {report.Pending} pending; " +
            string.Join("; ", report.Records.Where(r => r.Error is not null).Select(r => $"{r.Input}: {r.Error}"));
    }
}
