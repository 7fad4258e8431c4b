using System.Text;
using System.Text.Json.Nodes;
using EmotionNet.Cli;
using EmotionNet.Core;
using EmotionNet.Core.Emotions;
using EmotionNet.Inference.Batch;
using EmotionNet.Reliability.Tests.Support;
using EmotionNet.TestSupport;
using static EmotionNet.Reliability.Tests.Corpus.Expectation;

namespace EmotionNet.Reliability.Tests.Corpus;

/// <summary>The batch inputs: manifests (analyze --manifest), the shard flags, and the folders emotionnet merge reads.</summary>
internal static class BatchCorpusCases
{
    private static CorpusCase Manifest(string file, Expectation expect) =>
        new($"manifest/{file}", "manifest", EntryPoint.Manifest, () => CorpusFiles.Committed("manifests/" + file), expect);

    private static CorpusCase MadeManifest(string file, Func<string, string> text, Expectation expect) =>
        new($"manifest/{file} (generated)", "manifest", EntryPoint.Manifest,
            () => BatchCorpusFiles.Manifest(file, p => File.WriteAllText(p, text(p))), expect);

    private static CorpusCase Shard(string flags, Expectation expect) =>
        new($"shard/{flags.Replace('|', ' ')}", "shard", EntryPoint.ShardFlags, () => flags, expect) { ApiNames = flags.Split('|').First(t => t.StartsWith("--", StringComparison.Ordinal)) };

    private static CorpusCase Merge(string name, Action<string> damage, Expectation expect) =>
        new($"merge/{name} (generated)", "merge", EntryPoint.Merge, () => BatchCorpusFiles.Shards("merge/" + name, damage), expect);

    private static string Photo(string name) => CorpusFiles.Committed("images/" + name);

    private static void EditPlan(string shard, Action<JsonObject> edit)
    {
        var path = Path.Combine(shard, BatchFiles.Plan);
        var plan = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(plan);
        File.WriteAllText(path, plan.ToJsonString());
    }

    private static void EditDone(string inputFolder, Action<JsonObject> edit)
    {
        var path = Path.Combine(inputFolder, BatchFiles.Done);
        var done = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(done);
        File.WriteAllText(path, done.ToJsonString());
    }

    private static void Cut(string file) => File.WriteAllBytes(file, File.ReadAllBytes(file)[..(int)(new FileInfo(file).Length / 2)]);

    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        // --- manifests: one input per line, relative to the manifest's folder ---
        Manifest("two-photos.txt", Ok("two photos, one per line, a comment: both analyzed", "2 of 2 input(s)")),
        Manifest("comments-blank-whitespace.txt", Ok("blank lines, indented comments and surrounding white space are skipped", "2 of 2 input(s)")),
        Manifest("crlf.txt", Ok("CRLF line ends", "2 of 2 input(s)")),
        Manifest("bom.txt", Ok("a UTF-8 byte-order mark", "2 of 2 input(s)")),
        Manifest("utf16.txt", Ok("UTF-16 with its byte-order mark", "2 of 2 input(s)")),
        Manifest("no-final-newline.txt", Ok("a last line without a line break", "2 of 2 input(s)")),
        Manifest("folder-of-photos.txt", Ok("a folder without videos is one input, an image sequence (its unreadable photos skipped)", "1 of 1 input(s)")),
        Manifest("missing-file.txt", Error<ManifestException>("missing-file.txt:2:", "'../images/no-such-photo.png' does not exist")),
        Manifest("missing-folder.txt", Error<ManifestException>("missing-folder.txt:2:", "does not exist")),
        Manifest("duplicate-line.txt", Error<ManifestException>("duplicate-line.txt:3:", "repeats an input already listed on line 1")),
        Manifest("duplicate-spelled-differently.txt", Error<ManifestException>("duplicate-spelled-differently.txt:2:", "repeats an input already listed on line 1")),
        Manifest("glob-then-listed.txt", Error<ManifestException>("glob-then-listed.txt:2:", "repeats an input already listed on line 1")),
        Manifest("glob-matches-nothing.txt", Error<ManifestException>("glob-matches-nothing.txt:1:", "No image or video matches")),
        Manifest("glob-bad-range.txt", Error<ManifestException>("glob-bad-range.txt:1:", "not a valid glob pattern")),
        Manifest("non-utf8-line.txt", Error<ManifestException>("non-utf8-line.txt:2:", "does not exist")),
        Manifest("nul-in-line.txt", Error<ManifestException>("nul-in-line.txt:2:", "NUL character")),
        // Found by the fuzzer (eng/fuzz.sh manifest) as well: a NUL in a line let .NET's ArgumentException ("Null character in path") escape.
        new("fuzz/manifest/nul-on-line-1.txt", "fuzz", EntryPoint.Manifest, () => CorpusFiles.Committed("fuzz/manifest/nul-on-line-1.txt"), Error<ManifestException>("nul-on-line-1.txt:1:", "NUL character")),
        new("fuzz/manifest/nul-on-line-2.txt", "fuzz", EntryPoint.Manifest, () => CorpusFiles.Committed("fuzz/manifest/nul-on-line-2.txt"), Error<ManifestException>("nul-on-line-2.txt:2:", "NUL character")),
        Manifest("only-comments.txt", Error<EmotionNetException>("lists no inputs")),
        Manifest("empty.txt", Error<EmotionNetException>("lists no inputs")),
        Manifest("one-unreadable.txt", Partial("an unreadable photo fails, is recorded with its error, the other is analyzed", "1 failed", "garbage.jpg", "could not be decoded")),
        Manifest("all-unreadable.txt", Partial("every input fails and is recorded", "2 failed", "zero-byte.png", "not-an-image.png")),
        MadeManifest("line-20mb.txt", p => Photo("grey-8bit.png") + "\n" + new string('a', 20 << 20) + ".png\n",
            Error<ManifestException>("line-20mb.txt:2:", "longer than 4096 characters")),
        MadeManifest("binary.txt", p => Encoding.Latin1.GetString(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251 + 1)).ToArray()),
            Error<ManifestException>("binary.txt:1:", "does not exist")),
        MadeManifest("same-photo-2000-times.txt", p => string.Join('\n', Enumerable.Repeat(Photo("grey-8bit.png"), 2000)),
            Error<ManifestException>("same-photo-2000-times.txt:2:", "repeats an input already listed on line 1")),
        MadeManifest("lists-itself.txt", p => Photo("grey-8bit.png") + "\n" + Path.GetFileName(p) + "\n",
            Partial("the manifest itself is an input of no media type: it fails, the photo is analyzed", "1 failed", "unsupported extension '.txt'")),
        MadeManifest("absolute-paths.txt", p => Photo("grey-8bit.png") + "\n" + Photo("rgba.png") + "\n", Ok("absolute paths", "2 of 2 input(s)")),
        new("manifest/missing.txt", "manifest", EntryPoint.Manifest, () => Path.Combine(Path.GetTempPath(), "emotionnet-no-such-dir", "missing.txt"),
            Error<EmotionNetException>("Could not read the manifest")),
        new("manifest/a-folder.txt (generated)", "manifest", EntryPoint.Manifest, () => CorpusFiles.Make("manifests/a-folder.txt", p => Directory.CreateDirectory(p)),
            Error<EmotionNetException>("Could not read the manifest")),

        // --- --shard K/N and --shard-count (input: the flags, '|' between arguments) ---
        Shard("--shard|3/3", Usage<UsageException>("3/3 is out of range", "0/3 to 2/3")),
        Shard("--shard|1/0", Usage<UsageException>("must be K/N", "got '1/0'")),
        Shard("--shard|-1/2", Usage<UsageException>("got '-1/2'")),
        Shard("--shard|+1/2", Usage<UsageException>("got '+1/2'")),
        Shard("--shard|1", Usage<UsageException>("got '1'")),
        Shard("--shard|a/b", Usage<UsageException>("got 'a/b'")),
        Shard("--shard|", Usage<UsageException>("got ''")),
        Shard("--shard|0/3/1", Usage<UsageException>("got '0/3/1'")),
        Shard("--shard| 0/2", Usage<UsageException>("got ' 0/2'")),
        Shard("--shard|0/2147483648", Usage<UsageException>("got '0/2147483648'")),
        Shard("--shard|１/２", Usage<UsageException>("got '１/２'")),
        Shard("--shard|0/2|--shard-count|3", Usage<UsageException>("disagree on the shard count")),
        Shard("--shard-count|0", Usage<UsageException>("--shard-count must be at least 1")),
        Shard("--shard-count|2", Usage<UsageException>("--shard-count needs JOB_COMPLETION_INDEX")),
        Shard("--shard|1/2", Ok("the second of two shards: one photo", "1 of 2 input(s)")),
        Shard("--shard|0/1", Ok("one shard is the whole batch", "2 of 2 input(s)")),
        Shard("--shard|4/5", Ok("a shard with no inputs (more shards than inputs) writes an empty report", "0 of 2 input(s)")),

        // --- emotionnet merge: shard folders of a two-shard batch over four photos, damaged ---
        Merge("complete", _ => { }, Ok("both shards: the whole batch", "merged: 4 input(s): 4 done")),
        Merge("missing-shard", root => Directory.Delete(Path.Combine(root, "shard-1"), recursive: true), Error<EmotionNetException>("Shard(s) 1/2 missing")),
        Merge("shard-given-twice", root =>
        {
            Directory.Delete(Path.Combine(root, "shard-1"), recursive: true);
            CopyFolder(Path.Combine(root, "shard-0"), Path.Combine(root, "shard-1"));
        }, Error<EmotionNetException>("are both shard 0/2")),
        Merge("other-batch", root =>
        {
            // shard-1 of a batch over three of the photos: another plan.
            Directory.Delete(Path.Combine(root, "shard-1"), recursive: true);
            var plan = BatchPlan.FromPaths([Path.Combine(root, "data", "grey-8bit.png"), Path.Combine(root, "data", "rgba.png"), Path.Combine(root, "data", "one-by-one.png")]);
            BatchCorpusFiles.RunShard(plan, new Shard(1, 2), Path.Combine(root, "shard-1"));
        }, Error<EmotionNetException>("shards of different batches")),
        Merge("split-two-ways", root =>
        {
            Directory.Delete(Path.Combine(root, "shard-1"), recursive: true);
            BatchCorpusFiles.RunShard(BatchPlan.FromPaths([Path.Combine(root, "data", "*.png")]), new Shard(1, 3), Path.Combine(root, "shard-1"));
        }, Error<EmotionNetException>("the batch was split two ways")),
        Merge("other-classes", root =>
        {
            Directory.Delete(Path.Combine(root, "shard-1"), recursive: true);
            BatchCorpusFiles.RunShard(BatchPlan.FromPaths([Path.Combine(root, "data", "*.png")]), new Shard(1, 2), Path.Combine(root, "shard-1"), new FakeClassifier(classes: ClassSet.Seed6));
        }, Error<EmotionNetException>("models with different classes")),
        Merge("half-written-shard", root =>
        {
            // As a killed run leaves it: one input's folder never moved into place, its work left in .partial.
            var shard = Path.Combine(root, "shard-1");
            var input = Directory.GetDirectories(shard).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).Last();
            Directory.CreateDirectory(Path.Combine(shard, BatchFiles.Staging));
            Directory.Move(input, Path.Combine(shard, BatchFiles.Staging, Path.GetFileName(input)));
            File.Delete(Path.Combine(shard, BatchFiles.Staging, Path.GetFileName(input), BatchFiles.Done));
        }, Partial("the input never finished is reported pending", "3 done", "1 pending")),
        Merge("empty-folder", root =>
        {
            foreach (var shard in new[] { "shard-0", "shard-1" }) Directory.Delete(Path.Combine(root, shard), recursive: true);
            Directory.CreateDirectory(Path.Combine(root, "shard-0"));
        }, Error<EmotionNetException>("is not a batch output folder", "batch-plan.json")),
        Merge("plan-cut-in-half", root => Cut(Path.Combine(root, "shard-1", BatchFiles.Plan)), Error<EmotionNetException>("Could not read", "batch-plan.json")),
        Merge("plan-not-json", root => File.WriteAllText(Path.Combine(root, "shard-1", BatchFiles.Plan), "shard 1 of 2\n"), Error<EmotionNetException>("Could not read", "batch-plan.json")),
        Merge("plan-empty", root => File.WriteAllText(Path.Combine(root, "shard-1", BatchFiles.Plan), ""), Error<EmotionNetException>("Could not read", "batch-plan.json")),
        Merge("plan-shard-out-of-range", root => EditPlan(Path.Combine(root, "shard-1"), p => p["shard_index"] = 5), Error<EmotionNetException>("Could not read", "batch-plan.json", "Shard.Index")),
        Merge("plan-folder-null", root =>
        {
            foreach (var shard in new[] { "shard-0", "shard-1" }) EditPlan(Path.Combine(root, shard), p => p["inputs"]![0]!["folder"] = null);
        }, Error<EmotionNetException>("Could not read", "batch-plan.json", "folder")),
        Merge("plan-folder-climbs-out", root =>
        {
            foreach (var shard in new[] { "shard-0", "shard-1" }) EditPlan(Path.Combine(root, shard), p => p["inputs"]![0]!["folder"] = "../../etc");
        }, Error<EmotionNetException>("Could not read", "batch-plan.json", "'../../etc'")),
        Merge("plan-two-billion-shards", root => EditPlan(Path.Combine(root, "shard-0"), p => p["shard_count"] = 2_000_000_000),
            Error<EmotionNetException>("split two ways")),
        Merge("plans-of-two-billion-shards", root =>
        {
            foreach (var shard in new[] { "shard-0", "shard-1" }) EditPlan(Path.Combine(root, shard), p => p["shard_count"] = 2_000_000_000);
        }, Error<EmotionNetException>("missing", "and 1999999993 more")),
        Merge("done-cut-in-half", root => Cut(Directory.GetFiles(Path.Combine(root, "shard-0"), BatchFiles.Done, SearchOption.AllDirectories).Order(StringComparer.Ordinal).First()),
            Error<EmotionNetException>("Could not read", "done.json")),
        Merge("done-frames-not-a-number", root => EditDone(Directory.GetDirectories(Path.Combine(root, "shard-0")).Order(StringComparer.Ordinal).First(), d => d["frames_processed"] = "many"),
            Error<EmotionNetException>("Could not read", "done.json")),
        Merge("done-of-other-classes", root => EditDone(Directory.GetDirectories(Path.Combine(root, "shard-0")).Order(StringComparer.Ordinal).First(), d =>
        {
            foreach (var face in d["faces"]!.AsArray()) face!["shares"] = new JsonObject { ["Joy"] = 1.0 };
            d["faces"]!.AsArray().Add(new JsonObject { ["face_id"] = 9, ["frames"] = 1, ["dominant"] = "Joy", ["shares"] = new JsonObject { ["Joy"] = 1.0 }, ["uncertain_share"] = 0.0, ["mean_confidence"] = 1.0 });
        }), Error<EmotionNetException>("has no share for class 'Angry'")),
        new("merge/missing (generated)", "merge", EntryPoint.Merge, () => Path.Combine(Path.GetTempPath(), "emotionnet-no-such-dir", "shard-9"), Error<EmotionNetException>("does not exist")),
    ];

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
