namespace EmotionNet.OnnxRuntime;

/// <summary>
/// The metadata keys and value names EmotionNet's exporter writes (EmotionNet.Onnx's OnnxMetadataKeys,
/// docs/onnx.md). Repeated here so this package needs neither the exporter nor protobuf; a test keeps
/// the two in step.
/// </summary>
internal static class MetadataKeys
{
    public const string Format = "emotionnet.format";
    public const string FormatVersion = "1";
    public const string ClassSet = "emotionnet.class_set";
    public const string Classes = "emotionnet.classes";
    public const string SequenceLength = "emotionnet.sequence_length";
    public const string NormalizationMean = "emotionnet.normalization.mean";
    public const string NormalizationStd = "emotionnet.normalization.std";
    public const string InputKind = "emotionnet.input";
    public const string InputKindRawGrey = "grey-0-255";
    public const string InputName = "faces";
    public const string OutputName = "probabilities";
}
