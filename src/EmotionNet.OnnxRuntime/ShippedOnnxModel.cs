using EmotionNet.Core;

namespace EmotionNet.OnnxRuntime;

/// <summary>
/// The model that ships with EmotionNet, exported to ONNX and embedded in the EmotionNet.OnnxRuntime assembly:
/// an ONNX Runtime app gets it with the assembly, with no file to copy and no libtorch. It is
/// <c>checkpoints/emotionnet-fer7.ckpt</c> (EmotionNet.Torch's shipped model) as <c>emotionnet export</c> writes
/// it; a test re-exports the checkpoint and checks that both give the same probabilities. Load it with
/// <see cref="OnnxEmotionClassifier.LoadShipped"/>.
/// </summary>
public static class ShippedOnnxModel
{
    /// <summary>File name of the shipped ONNX model (<c>checkpoints/</c> in the repository).</summary>
    public const string FileName = "emotionnet-fer7.onnx";

    /// <summary>The manifest resource that holds it (kept in step with EmotionNet.OnnxRuntime.csproj).</summary>
    internal const string ResourceName = "EmotionNet.OnnxRuntime." + FileName;

    /// <summary>How messages and reports name the shipped model, since it has no path.</summary>
    public const string SourceName = "shipped model " + FileName;

    /// <summary>True when this build embeds the shipped model (a build from a tree without one does not).</summary>
    public static bool IsAvailable => typeof(ShippedOnnxModel).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    /// <summary>The embedded model's bytes.</summary>
    /// <exception cref="EmotionNetException">This build ships no model; the message says how to get one.</exception>
    public static byte[] Read()
    {
        using var stream = typeof(ShippedOnnxModel).Assembly.GetManifestResourceStream(ResourceName) ?? throw new EmotionNetException(
            "No model: this build of EmotionNet.OnnxRuntime ships no ONNX model. Load an exported model file (OnnxEmotionClassifier.Load), " +
            "or write one with 'emotionnet export'.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
