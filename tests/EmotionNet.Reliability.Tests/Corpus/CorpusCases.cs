using System.Text.Json.Nodes;
using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Data;
using EmotionNet.Reliability.Tests.Support;
using static EmotionNet.Reliability.Tests.Corpus.Expectation;

namespace EmotionNet.Reliability.Tests.Corpus;

/// <summary>
/// The manifest of the bad-input corpus: every case, the entry point that reads it and what it must
/// get. Committed inputs live in tests/Corpus/&lt;kind&gt;/; big and model-derived ones are made at test time.
/// docs/reliability.md lists the same cases by kind.
/// </summary>
public static class CorpusCases
{
    private static CorpusCase Committed(string kind, string file, EntryPoint entry, Expectation expect) =>
        new($"{kind}/{file}", kind, entry, () => CorpusFiles.Committed(Path.Combine(kind == "image" ? "images" : kind == "video" ? "videos" : kind == "checkpoint" ? "checkpoints" : kind, file)), expect);

    private static CorpusCase Made(string kind, string file, EntryPoint entry, Action<string> write, Expectation expect) =>
        new($"{kind}/{file} (generated)", kind, entry, () => CorpusFiles.Make(file, write), expect);

    private static CorpusCase Csv(string file, Expectation expect) => Committed("csv", file, EntryPoint.Csv, expect);

    private static CorpusCase Gz(string file, Expectation expect) => Committed("gz", file, EntryPoint.Csv, expect);

    /// <summary>A checkpoint derived from the tiny model's bytes by <paramref name="change"/>.</summary>
    private static CorpusCase Derived(string file, Func<byte[], byte[]> change, Expectation expect, EntryPoint entry = EntryPoint.Checkpoint) =>
        Made("checkpoint", file, entry, path => File.WriteAllBytes(path, change(CorpusFiles.TinyBytes)), expect);

    /// <summary>The tiny checkpoint with its metadata JSON edited and the header made valid again.</summary>
    private static byte[] EditMetadata(byte[] file, Action<JsonObject> edit)
    {
        var (json, model, optimizer) = CheckpointSurgery.Split(file);
        var node = JsonNode.Parse(json)!.AsObject();
        edit(node);
        return CheckpointSurgery.Join(node.ToJsonString(), model, optimizer);
    }

    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        // --- FER2013 CSV ---
        Csv("valid-one-row.csv", Ok("loads one Training face")),
        Csv("bad-header-name.csv", Error<DataFormatException>("line 1", "header", "emotion,pixel,Usage")),
        Csv("header-extra-column.csv", Error<DataFormatException>("line 1", "header has 4 columns")),
        Csv("no-header.csv", Error<DataFormatException>("line 1", "no header")),
        Csv("short-pixel-row.csv", Error<DataFormatException>("line 2", "pixels has 2303 values")),
        Csv("long-pixel-row.csv", Error<DataFormatException>("line 2", "pixels has 2305 values")),
        Csv("non-number-pixel.csv", Error<DataFormatException>("line 2", "pixel 11 'abc' is not an integer")),
        Csv("pixel-above-255.csv", Error<DataFormatException>("line 2", "pixel 6 is 256, outside 0-255")),
        Csv("pixel-huge-number.csv", Error<DataFormatException>("line 2", "pixel 6", "outside 0-255")),
        Csv("negative-label.csv", Error<DataFormatException>("line 3", "emotion '-1' is not a FER2013 label")),
        Csv("label-7.csv", Error<DataFormatException>("line 2", "emotion '7'")),
        Csv("unknown-usage.csv", Error<DataFormatException>("line 2", "Usage 'Validation'")),
        Csv("too-few-fields.csv", Error<DataFormatException>("line 2", "2 fields")),
        Csv("too-many-fields.csv", Error<DataFormatException>("line 2", "4 fields")),
        Csv("quoted-fields.csv", Ok("quoted fields are parsed by CsvHelper: loads one face")),
        Csv("unterminated-quote.csv", Error<DataFormatException>("line 2", "malformed quoting")),
        Csv("crlf.csv", Ok("CRLF line endings: loads two faces")),
        Csv("bom.csv", Ok("a UTF-8 byte-order mark before the header is allowed")),
        Csv("blank-lines.csv", Ok("blank lines are ignored")),
        Csv("no-final-newline.csv", Ok("a last row without a line break is read")),
        Csv("non-utf8-usage.csv", Error<DataFormatException>("line 2", "Usage")),
        Csv("non-utf8-header.csv", Error<DataFormatException>("line 1", "header")),
        Csv("binary-garbage.csv", Error<DataFormatException>("line 1", "header")),
        Csv("empty.csv", Error<DataFormatException>("the file is empty")),
        Csv("header-only.csv", Error<DataFormatException>("header but no data rows")),
        Made("csv", "single-line-50mb.csv", EntryPoint.Csv, p => CorpusFiles.WriteLongLine(p, "", 50),
            Error<DataFormatException>("line 1", "longer than 16 MB")),
        Made("csv", "row-50mb.csv", EntryPoint.Csv, p => CorpusFiles.WriteLongLine(p, Fer2013Reader.Header + "\n3,", 50),
            Error<DataFormatException>("line 2", "longer than 16 MB")),
        // Found by the fuzzer (eng/fuzz.sh csv): CsvHelper's BadDataException escaped from quoted rows and headers.
        Committed("fuzz", "csv/quote-in-unquoted-field.csv", EntryPoint.Csv, Error<DataFormatException>("line 2", "malformed quoting")),
        Committed("fuzz", "csv/quote-in-header.csv", EntryPoint.Csv, Error<DataFormatException>("line 1", "malformed quoting")),

        // --- gzip ---
        Gz("valid.csv.gz", Ok("gzip is recognised by its magic bytes: loads one face")),
        Gz("truncated.csv.gz", Error<DataFormatException>("truncated")),
        Gz("truncated-in-trailer.csv.gz", Error<DataFormatException>("truncated")),
        Gz("corrupt.csv.gz", Error<DataFormatException>("corrupt")),
        Gz("magic-then-garbage.csv.gz", Error<DataFormatException>("gzip data is corrupt")),
        Gz("empty-member.csv.gz", Error<DataFormatException>("the file is empty")),

        // --- exported ONNX models (--checkpoint FILE.onnx) ---
        Committed("onnx", "empty.onnx", EntryPoint.OnnxModel, Error<EmotionNet.OnnxRuntime.OnnxModelException>("is empty (0 bytes)")),
        Committed("onnx", "text.onnx", EntryPoint.OnnxModel, Error<EmotionNet.OnnxRuntime.OnnxModelException>("not a readable ONNX model")),
        Committed("onnx", "random-bytes.onnx", EntryPoint.OnnxModel, Error<EmotionNet.OnnxRuntime.OnnxModelException>("not a readable ONNX model")),
        Committed("onnx", "truncated.onnx", EntryPoint.OnnxModel, Error<EmotionNet.OnnxRuntime.OnnxModelException>("not a readable ONNX model")),
        // --- checkpoints ---
        Committed("checkpoint", "text.ckpt", EntryPoint.Checkpoint, Error<CheckpointException>("not an EmotionNet checkpoint")),
        Committed("checkpoint", "empty.ckpt", EntryPoint.Checkpoint, Error<CheckpointException>("is empty (0 bytes)")),
        Committed("checkpoint", "random-bytes.ckpt", EntryPoint.Checkpoint, Error<CheckpointException>("not an EmotionNet checkpoint")),
        Committed("checkpoint", "magic-only.ckpt", EntryPoint.Checkpoint, Error<CheckpointException>("truncated")),
        Derived("truncated-half.ckpt", b => b[..(b.Length / 2)], Error<CheckpointException>("truncated")),
        Derived("truncated-in-header.ckpt", b => b[..30], Error<CheckpointException>("truncated: 30 bytes")),
        Derived("one-byte-flipped.ckpt", b => { var c = (byte[])b.Clone(); c[^100] ^= 0x40; return c; }, Error<CheckpointException>("corrupt", "SHA-256")),
        Derived("padded.ckpt", b => [.. b, 0, 0, 0, 0], Error<CheckpointException>("padded")),
        Derived("version-3.ckpt", b => { var c = (byte[])b.Clone(); BitConverter.GetBytes(3).CopyTo(c, 8); return c; }, Error<CheckpointException>("format version 3", "versions 1 to 2")),
        Derived("metadata-not-json.ckpt", b => { var (_, m, o) = CheckpointSurgery.Split(b); return CheckpointSurgery.Join("{ this is not json", m, o); },
            Error<CheckpointException>("invalid metadata")),
        Derived("metadata-json-null.ckpt", b => { var (_, m, o) = CheckpointSurgery.Split(b); return CheckpointSurgery.Join("null", m, o); },
            Error<CheckpointException>("metadata")),
        Derived("unknown-class-set.ckpt", b => EditMetadata(b, j => j["classSet"] = "fer9"), Error<CheckpointException>("invalid metadata", "fer9")),
        Derived("no-conv-blocks.ckpt", b => EditMetadata(b, j => j["model"]!["convWidths"] = new JsonArray()), Error<CheckpointException>("invalid metadata", "ConvWidths")),
        Derived("huge-model-described.ckpt", b => EditMetadata(b, j => j["model"]!["convWidths"] = new JsonArray(1_000_000_000, 1_000_000_000)), Error<CheckpointException>("invalid metadata", "ConvWidths")),
        Derived("wrong-tensor-shape.ckpt", b => EditMetadata(b, j => j["model"]!["convWidths"] = new JsonArray(4, 16)), Error<CheckpointException>("has shape", "expects")),
        Derived("weights-of-another-model.ckpt", b =>
        {
            // Another architecture's metadata (every listed shape fits it) over this model's weights, which do not.
            var other = CorpusFiles.Make("other.ckpt", p => CorpusFiles.SaveTiny(p, [4, 8], 12));
            var (_, model, optimizer) = CheckpointSurgery.Split(b);
            return CheckpointSurgery.Join(CheckpointSurgery.Split(File.ReadAllBytes(other)).Json, model, optimizer);
        }, Error<CheckpointException>("weights do not fit")),
        Derived("block-past-end.ckpt", b => CheckpointSurgery.WithHeader(CheckpointSurgery.Payload(new byte[10])[..8]), Error<CheckpointException>("invalid metadata")),
        Derived("model-state-garbage.ckpt", b =>
        {
            var (json, model, optimizer) = CheckpointSurgery.Split(b);
            var garbage = new byte[model.Length];
            new Random(1).NextBytes(garbage);
            return CheckpointSurgery.Join(json, garbage, optimizer);
        }, Error<CheckpointException>("weights do not fit")),
        // Found by the fuzzer (eng/fuzz.sh checkpoint): a null tensor name or shape in the metadata escaped CreateModel as ArgumentNullException.
        Derived("tensor-name-null.ckpt", b => EditMetadata(b, j => j["tensors"]![0]!["name"] = null), Error<CheckpointException>("invalid metadata")),
        Derived("tensor-shape-null.ckpt", b => EditMetadata(b, j => j["tensors"]![0]!["shape"] = null), Error<CheckpointException>("invalid metadata")),
        .. Enumerable.Range(1, 9).Select(i => Committed("fuzz", $"checkpoint/null-in-metadata-{i}.ckpt", EntryPoint.Checkpoint, Error<CheckpointException>("invalid metadata"))),
        // Found by CheckpointProperties (CsCheck): a damaged length prefix in the weights made TorchSharp throw FormatException.
        Derived("model-state-bad-string-prefix.ckpt", b =>
        {
            var (json, model, optimizer) = CheckpointSurgery.Split(b);
            // Byte 0 is the entry count; the first tensor name's 7-bit length prefix follows.
            for (var i = 1; i <= 5; i++) model[i] = 0xFF;
            return CheckpointSurgery.Join(json, model, optimizer);
        }, Error<CheckpointException>("weights do not fit")),
        Derived("best-as-last.ckpt", b => b, Error<CheckpointException>("cannot resume"), EntryPoint.Resume),
        Derived("classifier-truncated.ckpt", b => b[..(b.Length - 10)], Error<CheckpointException>("truncated"), EntryPoint.Classifier),

        // --- images (analyze) ---
        Committed("image", "not-an-image.png", EntryPoint.Analyze, Error<EmotionNetException>("could not be decoded")),
        Committed("image", "zero-byte.png", EntryPoint.Analyze, Error<EmotionNetException>("empty file (0 bytes)")),
        Committed("image", "truncated.png", EntryPoint.Analyze, Error<EmotionNetException>("could not be decoded")),
        Committed("image", "garbage.jpg", EntryPoint.Analyze, Error<EmotionNetException>("could not be decoded")),
        Committed("image", "one-by-one.png", EntryPoint.Analyze, Ok("a 1x1 image is one frame with no face found")),
        Committed("image", "grey-8bit.png", EntryPoint.Analyze, Ok("grey images are converted: one frame, no face")),
        Committed("image", "rgba.png", EntryPoint.Analyze, Ok("RGBA images are converted (alpha dropped): one frame, no face")),
        Committed("image", "grey-16bit.png", EntryPoint.Analyze, Ok("16-bit images are converted to 8-bit: one frame, no face")),
        // Found by the fuzzer (eng/fuzz.sh image): OpenCV's decoders threw OpenCVException (a size assertion) for headers ImageHeader does not read.
        Committed("fuzz", "image/width-over-opencv-limit.png", EntryPoint.Analyze, Error<EmotionNetException>("could not be decoded")),
        Committed("fuzz", "image/height-over-opencv-limit.png", EntryPoint.Analyze, Error<EmotionNetException>("could not be decoded")),
        Committed("fuzz", "image/height-zero.png", EntryPoint.Analyze, Error<EmotionNetException>("could not be decoded")),
        // Found by the fuzzer (eng/fuzz.sh image, a hang): a 67-byte PNG whose IDAT claims 4 GB kept OpenCV's decoder busy for 9 s.
        Committed("fuzz", "image/chunk-of-4-gb.png", EntryPoint.Analyze, Error<EmotionNetException>("PNG chunk IDAT, 4294967276 bytes runs past its end")),
        Made("image", "huge-10000x10000.png", EntryPoint.Analyze, CorpusFiles.WriteHugeImage, Ok("a 10000x10000 image is analyzed: one frame, no face")),

        // --- images (folder data sets) ---
        Committed("image", "not-an-image.png", EntryPoint.Folder, Error<DataFormatException>("not a readable image")) with { Name = "image/not-an-image.png (folder data)" },
        Committed("image", "zero-byte.png", EntryPoint.Folder, Error<DataFormatException>("not a readable image")) with { Name = "image/zero-byte.png (folder data)" },
        Committed("image", "truncated.png", EntryPoint.Folder, Error<DataFormatException>("not a readable image")) with { Name = "image/truncated.png (folder data)" },
        Committed("image", "one-by-one.png", EntryPoint.Folder, Ok("a 1x1 face is resized to 48x48")) with { Name = "image/one-by-one.png (folder data)" },
        Committed("image", "rgba.png", EntryPoint.Folder, Ok("RGBA is converted to grey")) with { Name = "image/rgba.png (folder data)" },
        Committed("image", "grey-16bit.png", EntryPoint.Folder, Ok("16-bit grey is converted to 8-bit")) with { Name = "image/grey-16bit.png (folder data)" },

        // --- videos (analyze) ---
        Committed("video", "zero-byte.mp4", EntryPoint.Analyze, Error<EmotionNetException>("empty file (0 bytes)")),
        Committed("video", "text.mp4", EntryPoint.Analyze, Error<EmotionNetException>("could not be opened")),
        Committed("video", "garbage.avi", EntryPoint.Analyze, Error<EmotionNetException>("could not be opened")),
        Made("video", "cut-in-half.avi", EntryPoint.Analyze, p => CorpusFiles.WriteCutVideo(p, 0.5), Ok("a video cut in half yields the frames before the cut")),
        Made("video", "cut-in-half.mp4", EntryPoint.Analyze, p => CorpusFiles.WriteCutVideo(p, 0.5), Error<EmotionNetException>("could not be opened")),
        Made("video", "header-only.avi", EntryPoint.Analyze, p => CorpusFiles.WriteCutVideo(p, 0.02), Error<EmotionNetException>("could not be opened")),

        // --- the inputs added with batches, YuNet and ONNX ---
        .. ModelCorpusCases.All,
        .. FolderCorpusCases.All,
        .. BatchCorpusCases.All,
    ];

    public static CorpusCase Get(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names() => [.. All.Select(c => c.Name)];
}
