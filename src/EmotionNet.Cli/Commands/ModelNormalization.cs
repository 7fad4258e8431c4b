using System.Globalization;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Imaging;
using EmotionNet.Torch.Checkpoints;

namespace EmotionNet.Cli.Commands;

/// <summary>
/// --stretch-contrast applied to a model: a checkpoint's normalization is metadata and can be overridden
/// for a run; an ONNX model's is part of its graph, so an override that would change it is refused.
/// </summary>
internal static class ModelNormalization
{
    /// <summary><paramref name="checkpoint"/> with its contrast stretch set to <paramref name="stretch"/> (unchanged when null or already so).</summary>
    public static Checkpoint Apply(Checkpoint checkpoint, bool? stretch) =>
        stretch is { } on && on != checkpoint.Metadata.Normalization.StretchContrast
            ? checkpoint.WithNormalization(checkpoint.Metadata.Normalization with { StretchContrast = on })
            : checkpoint;

    /// <summary>Refuses <paramref name="stretch"/> when it would change the ONNX model <paramref name="onnx"/> loaded from <paramref name="path"/>.</summary>
    public static void CheckOnnx(IEmotionClassifier onnx, bool? stretch, string path)
    {
        if (stretch is not { } on || on == onnx.Normalization.StretchContrast) return;
        throw new UsageException($"--stretch-contrast {(on ? "on" : "off")}: '{path}' is an ONNX model, whose input normalization is part of its graph ({Describe(onnx.Normalization)}). " +
                                 "Use its checkpoint (.ckpt), or export one with 'emotionnet export --stretch-contrast'.");
    }

    /// <summary>The normalization in words: <c>(x / 255 - 0.5) / 0.25, no contrast stretch</c>.</summary>
    public static string Describe(InputNormalization normalization)
    {
        var affine = string.Create(CultureInfo.InvariantCulture, $"(x / 255 - {normalization.Mean:0.###}) / {normalization.Std:0.###}");
        return normalization.StretchContrast ? $"each face stretched to 0-255, then {affine}" : $"{affine}, no contrast stretch";
    }
}
