using System.Globalization;
using EmotionNet.Core;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using Microsoft.ML.OnnxRuntime;

namespace EmotionNet.OnnxRuntime;

/// <summary>
/// What an exported EmotionNet model says of itself, checked against its graph's input and output:
/// a model from elsewhere (another input shape, no class names) is refused with a message naming the file
/// rather than failing on the first prediction or, worse, predicting nonsense.
/// </summary>
internal sealed record OnnxModelDescription(ClassSet Classes, int SequenceLength, InputNormalization Normalization)
{
    public static OnnxModelDescription Read(InferenceSession session, string source)
    {
        var metadata = Metadata(session, source);
        string Require(string key) => metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value
            : throw new OnnxModelException($"'{source}' is an ONNX model but not an exported EmotionNet model: its metadata has no '{key}' " +
                "(export one with 'emotionnet export').");

        var format = Require(OnnxMetadataKeys.Format);
        if (format != OnnxMetadataKeys.FormatVersion)
            throw new OnnxModelException($"'{source}' has EmotionNet ONNX format {format}; this EmotionNet reads format {OnnxMetadataKeys.FormatVersion}.");
        ClassSet classes;
        try { classes = ClassSet.FromName(Require(OnnxMetadataKeys.ClassSet)); }
        catch (OnnxModelException) { throw; }
        catch (EmotionNetException e) { throw new OnnxModelException($"'{source}': {e.Message}", e); }
        var names = Require(OnnxMetadataKeys.Classes).Split(',');
        if (!names.SequenceEqual(classes.ClassNames))
            throw new OnnxModelException($"'{source}': its class names ({string.Join(", ", names)}) are not those of the class set {classes.Name} ({string.Join(", ", classes.ClassNames)}).");
        var input = Require(OnnxMetadataKeys.InputKind);
        if (input != OnnxMetadataKeys.InputKindRawGrey)
            throw new OnnxModelException($"'{source}': input kind '{input}' is unknown to this EmotionNet (expected '{OnnxMetadataKeys.InputKindRawGrey}').");
        var sequenceLength = Int(Require(OnnxMetadataKeys.SequenceLength), OnnxMetadataKeys.SequenceLength, source, 1, 4096);
        var normalization = new InputNormalization
        {
            Mean = Float(Require(OnnxMetadataKeys.NormalizationMean), OnnxMetadataKeys.NormalizationMean, source),
            Std = Float(Require(OnnxMetadataKeys.NormalizationStd), OnnxMetadataKeys.NormalizationStd, source),
            StretchContrast = metadata.TryGetValue(OnnxMetadataKeys.NormalizationStretch, out var stretch) && Bool(stretch, OnnxMetadataKeys.NormalizationStretch, source),
        };
        if (!(normalization.Std > 0))
            throw new OnnxModelException($"'{source}': metadata '{OnnxMetadataKeys.NormalizationStd}' must be positive, got {normalization.Std}.");

        CheckInput(session, source);
        CheckOutput(session, source, classes.Count);
        return new OnnxModelDescription(classes, sequenceLength, normalization);
    }

    private static Dictionary<string, string> Metadata(InferenceSession session, string source)
    {
        try
        {
            return session.ModelMetadata.CustomMetadataMap;
        }
        catch (Exception e) when (e is OnnxRuntimeException or NullReferenceException)
        {
            // ONNX Runtime's managed wrapper fails with NullReferenceException on a metadata key holding a NUL
            // byte (the native side cuts the key there and the lookup of the full key finds nothing).
            throw new OnnxModelException($"'{source}' has metadata ONNX Runtime cannot read (a damaged or hand-made model): {e.Message}", e);
        }
    }

    private static void CheckInput(InferenceSession session, string source)
    {
        if (session.InputMetadata.Count != 1 || !session.InputMetadata.TryGetValue(OnnxMetadataKeys.InputName, out var input))
            throw new OnnxModelException($"'{source}' has inputs {Names(session.InputMetadata)}; an EmotionNet model has one, '{OnnxMetadataKeys.InputName}'.");
        var d = input.Dimensions;
        // Batch and frames are dynamic (-1) in an export; a fixed size there would still be usable, the frame shape not.
        var fits = input.ElementType == typeof(float) && d.Length == 5 && d[2] == 1 && d[3] == FaceImage.Side && d[4] == FaceImage.Side;
        if (!fits)
            throw new OnnxModelException($"'{source}': input '{OnnxMetadataKeys.InputName}' is {Describe(input)}; an EmotionNet model takes float [batch, frames, 1, {FaceImage.Side}, {FaceImage.Side}].");
    }

    private static void CheckOutput(InferenceSession session, string source, int classCount)
    {
        if (!session.OutputMetadata.TryGetValue(OnnxMetadataKeys.OutputName, out var output))
            throw new OnnxModelException($"'{source}' has outputs {Names(session.OutputMetadata)}; an EmotionNet model has '{OnnxMetadataKeys.OutputName}'.");
        var d = output.Dimensions;
        if (output.ElementType != typeof(float) || d.Length != 2 || (d[1] != classCount && d[1] != -1))
            throw new OnnxModelException($"'{source}': output '{OnnxMetadataKeys.OutputName}' is {Describe(output)}; expected float [batch, {classCount}] for its {classCount} classes.");
    }

    private static string Names(IReadOnlyDictionary<string, NodeMetadata> values) => values.Count == 0 ? "none" : string.Join(", ", values.Keys.Select(k => $"'{k}'"));

    private static string Describe(NodeMetadata value) =>
        $"{(value.IsTensor ? value.ElementType.Name : value.OnnxValueType.ToString())} [{string.Join(", ", value.Dimensions.Select(x => x < 0 ? "?" : x.ToString(CultureInfo.InvariantCulture)))}]";

    private static int Int(string text, string key, string source, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v
            : throw new OnnxModelException($"'{source}': metadata '{key}' must be a whole number between {min} and {max}, got '{text}'.");

    private static float Float(string text, string key, string source) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && float.IsFinite(v) ? v
            : throw new OnnxModelException($"'{source}': metadata '{key}' must be a number, got '{text}'.");

    private static bool Bool(string text, string key, string source) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw new OnnxModelException($"'{source}': metadata '{key}' must be true or false, got '{text}'."),
    };
}
