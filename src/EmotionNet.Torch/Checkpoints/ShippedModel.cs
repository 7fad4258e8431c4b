using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;

namespace EmotionNet.Torch.Checkpoints;

/// <summary>
/// The model that ships with EmotionNet, embedded in the EmotionNet.Torch assembly: it reaches every
/// application on TorchSharp (and NuGet consumer) with the assembly itself, so there is no file to copy
/// and no path to configure. EmotionNet.OnnxRuntime ships the same model exported to ONNX. Load it with <see cref="EmotionClassifier.LoadShipped"/> or <see cref="Load"/>.
/// </summary>
public static class ShippedModel
{
    /// <summary>File name of the shipped checkpoint (<c>checkpoints/</c> in the repository).</summary>
    public const string FileName = "emotionnet-fer7.ckpt";

    /// <summary>The manifest resource that holds it (kept in step with EmotionNet.Torch.csproj).</summary>
    internal const string ResourceName = "EmotionNet.Torch.Checkpoints." + FileName;

    /// <summary>How messages and reports name the shipped model, since it has no path.</summary>
    public const string SourceName = "shipped model " + FileName;

    /// <summary>True when this build embeds a shipped model (a build from a tree without one does not).</summary>
    public static bool IsAvailable => typeof(ShippedModel).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    /// <summary>Opens the embedded checkpoint for reading; the caller disposes the stream.</summary>
    /// <exception cref="EmotionNetException">This build ships no model; the message says how to get one.</exception>
    public static Stream Open() => typeof(ShippedModel).Assembly.GetManifestResourceStream(ResourceName) ?? throw new EmotionNetException(
        "No model: this build of EmotionNet.Torch ships no trained checkpoint. Load a checkpoint file (EmotionClassifier.Load), or train one.");

    /// <summary>Reads and verifies the shipped checkpoint; errors name it as <see cref="SourceName"/>.</summary>
    /// <exception cref="EmotionNetException">No model ships with this build.</exception>
    /// <exception cref="CheckpointException">The embedded checkpoint is corrupt.</exception>
    public static Checkpoint Load()
    {
        using var stream = Open();
        return Checkpoint.Load(stream, SourceName);
    }
}
