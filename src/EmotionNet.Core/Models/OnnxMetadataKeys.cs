namespace EmotionNet.Core.Models;

/// <summary>
/// The <c>metadata_props</c> keys an exported EmotionNet model carries, so that a runtime (ours or any
/// other) knows the classes, the input normalization and the clip length without the checkpoint.
/// </summary>
public static class OnnxMetadataKeys
{
    /// <summary>Version of this metadata layout (<see cref="FormatVersion"/>).</summary>
    public const string Format = "emotionnet.format";

    /// <summary>The value of <see cref="Format"/> this build writes and reads.</summary>
    public const string FormatVersion = "1";

    /// <summary>The class set's name (<c>fer7</c>, <c>seed6</c>).</summary>
    public const string ClassSet = "emotionnet.class_set";

    /// <summary>Comma-separated class names in output order, e.g. <c>Angry,Disgust,Fear,Happy,Sad,Surprise,Neutral</c>.</summary>
    public const string Classes = "emotionnet.classes";

    /// <summary>Frames per clip the model was trained on (T); the graph accepts any T.</summary>
    public const string SequenceLength = "emotionnet.sequence_length";

    /// <summary>Mean of the [0, 1] grey values, applied inside the graph (invariant-culture float).</summary>
    public const string NormalizationMean = "emotionnet.normalization.mean";

    /// <summary>Standard deviation of the [0, 1] grey values, applied inside the graph (invariant-culture float).</summary>
    public const string NormalizationStd = "emotionnet.normalization.std";

    /// <summary>"true" when the graph stretches each frame's grey levels to 0-255 first (<see cref="Core.Imaging.InputNormalization.StretchContrast"/>); absent means false.</summary>
    public const string NormalizationStretch = "emotionnet.normalization.stretch_contrast";

    /// <summary>What the input holds: always <see cref="InputKindRawGrey"/> in this format version.</summary>
    public const string InputKind = "emotionnet.input";

    /// <summary>The value of <see cref="InputKind"/>: float grey levels 0..255, normalized by the graph.</summary>
    public const string InputKindRawGrey = "grey-0-255";

    /// <summary>The architecture as the checkpoint's JSON (<see cref="ModelConfig"/>), for information.</summary>
    public const string Architecture = "emotionnet.model";

    /// <summary>The name of the graph's input, float (N, T, 1, 48, 48).</summary>
    public const string InputName = "faces";

    /// <summary>The name of the graph's output, float (N, classes) softmax probabilities.</summary>
    public const string OutputName = "probabilities";
}
