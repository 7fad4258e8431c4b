using EmotionNet.Core;
using EmotionNet.Core.Models;
using EmotionNet.OnnxRuntime;
using EmotionNet.Reliability.Tests.Support;
using static EmotionNet.Reliability.Tests.Corpus.Expectation;

namespace EmotionNet.Reliability.Tests.Corpus;

/// <summary>The model files added with YuNet and ONNX: the face-detector model (--detector-model) and exported ONNX models (--checkpoint FILE.onnx).</summary>
internal static class ModelCorpusCases
{
    private static CorpusCase Detector(string file, Func<byte[]>? bytes, Expectation expect) =>
        new($"detector/{file}" + (bytes is null ? "" : " (generated)"), "detector", EntryPoint.DetectorModel,
            bytes is null ? () => CorpusFiles.Committed("onnx/" + file) : () => CorpusFiles.Make("detector/" + file, p => File.WriteAllBytes(p, bytes())), expect);

    private static CorpusCase Onnx(string file, Func<byte[]> bytes, Expectation expect) =>
        new($"onnx/{file} (generated)", "onnx", EntryPoint.OnnxModel, () => CorpusFiles.Make("onnx/" + file, p => File.WriteAllBytes(p, bytes())), expect);

    private static CorpusCase Metadata(string file, string key, string? value, params string[] fragments) =>
        Onnx(file, () => OnnxSurgery.WithMetadata(BatchCorpusFiles.TinyOnnxBytes, key, value), Error<OnnxModelException>(fragments));

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        // --- the YuNet face-detector model (DetectorOptions.ModelPath, analyze --detector-model) ---
        Detector("yunet-copy.onnx", () => BatchCorpusFiles.YuNetBytes, Ok("a copy of the shipped YuNet model is used")),
        new("detector/missing.onnx", "detector", EntryPoint.DetectorModel, () => Path.Combine(Path.GetTempPath(), "emotionnet-no-such-dir", "missing.onnx"), Error<EmotionNetException>("does not exist")),
        Detector("empty.onnx", null, Error<EmotionNetException>("could not be loaded as a YuNet ONNX model")),
        Detector("text.onnx", null, Error<EmotionNetException>("could not be loaded as a YuNet ONNX model")),
        Detector("random-bytes.onnx", null, Error<EmotionNetException>("could not be loaded as a YuNet ONNX model")),
        Detector("yunet-cut-in-half.onnx", () => BatchCorpusFiles.YuNetBytes[..(BatchCorpusFiles.YuNetBytes.Length / 2)], Error<EmotionNetException>("could not be loaded as a YuNet ONNX model")),
        Detector("yunet-garbage-appended.onnx", () => [.. BatchCorpusFiles.YuNetBytes, .. Random(4096, 3)], Error<EmotionNetException>("could not be loaded as a YuNet ONNX model")),
        Detector("emotionnet-model.onnx", () => BatchCorpusFiles.TinyOnnxBytes, Error<EmotionNetException>("could not be loaded as a YuNet ONNX model")),
        Detector("relu-model.onnx", OnnxSurgery.ReluModel, Error<EmotionNetException>("is not a YuNet face detector")),
        new("detector/a-folder.onnx (generated)", "detector", EntryPoint.DetectorModel,
            () => CorpusFiles.Make("detector/a-folder.onnx", p => Directory.CreateDirectory(p)), Error<EmotionNetException>("does not exist")),

        // --- exported ONNX models: valid ONNX that is not an EmotionNet export, or an export with wrong parts ---
        Onnx("yunet-as-classifier.onnx", () => BatchCorpusFiles.YuNetBytes, Error<OnnxModelException>("not an exported EmotionNet model", "emotionnet.format")),
        Onnx("export-cut-in-half.onnx", () => BatchCorpusFiles.TinyOnnxBytes[..(BatchCorpusFiles.TinyOnnxBytes.Length / 2)], Error<OnnxModelException>("not a readable ONNX model")),
        Onnx("input-64x64.onnx", () => OnnxSurgery.Edit(BatchCorpusFiles.TinyOnnxBytes, m =>
        {
            foreach (var d in m.Graph.Input[0].Type.TensorType.Shape.Dim.Skip(3)) d.DimValue = 64;
        }), Error<OnnxModelException>("input 'faces' is", "[batch, frames, 1, 48, 48]")),
        Onnx("input-renamed.onnx", () => OnnxSurgery.Edit(BatchCorpusFiles.TinyOnnxBytes, m =>
        {
            m.Graph.Input[0].Name = "images";
            foreach (var node in m.Graph.Node)
                for (var i = 0; i < node.Input.Count; i++) if (node.Input[i] == OnnxMetadataKeys.InputName) node.Input[i] = "images";
        }), Error<OnnxModelException>("has inputs 'images'")),
        Onnx("no-metadata.onnx", () => OnnxSurgery.Edit(BatchCorpusFiles.TinyOnnxBytes, m => m.MetadataProps.Clear()), Error<OnnxModelException>("metadata has no 'emotionnet.format'")),
        Metadata("format-2.onnx", OnnxMetadataKeys.Format, "2", "EmotionNet ONNX format 2"),
        Metadata("class-set-fer9.onnx", OnnxMetadataKeys.ClassSet, "fer9", "fer9"),
        Metadata("class-names-wrong.onnx", OnnxMetadataKeys.Classes, "Angry,Happy", "class names (Angry, Happy)"),
        Metadata("sequence-length-0.onnx", OnnxMetadataKeys.SequenceLength, "0", "emotionnet.sequence_length", "got '0'"),
        Metadata("sequence-length-text.onnx", OnnxMetadataKeys.SequenceLength, "four", "emotionnet.sequence_length", "got 'four'"),
        Metadata("sequence-length-huge.onnx", OnnxMetadataKeys.SequenceLength, "99999999999", "emotionnet.sequence_length"),
        Metadata("std-zero.onnx", OnnxMetadataKeys.NormalizationStd, "0", "must be positive"),
        Metadata("mean-nan.onnx", OnnxMetadataKeys.NormalizationMean, "NaN", "emotionnet.normalization.mean", "must be a number"),
        Metadata("input-kind-rgb.onnx", OnnxMetadataKeys.InputKind, "rgb-0-1", "input kind 'rgb-0-1'"),
        Metadata("class-set-empty.onnx", OnnxMetadataKeys.ClassSet, "", "metadata has no 'emotionnet.class_set'"),
        // Found by the fuzzer (eng/fuzz.sh onnx): a NUL byte in a metadata key made ONNX Runtime's wrapper throw NullReferenceException.
        Committed("fuzz/onnx/nul-in-metadata-key.onnx", Error<OnnxModelException>("metadata ONNX Runtime cannot read")),
    ];

    private static CorpusCase Committed(string relative, Expectation expect) =>
        new(relative, "fuzz", EntryPoint.OnnxModel, () => CorpusFiles.Committed(relative), expect);
}
