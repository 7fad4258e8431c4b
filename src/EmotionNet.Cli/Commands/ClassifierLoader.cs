using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Runtime;
using EmotionNet.OnnxRuntime;
using EmotionNet.Torch;

namespace EmotionNet.Cli.Commands;

/// <summary>Loads the classifier for 'analyze' from --checkpoint (null: the shipped model). A seam so tests can pass a fake.</summary>
internal delegate IEmotionClassifier ClassifierLoader(string? checkpointPath, DeviceKind device);

/// <summary>The loader used by the real command line.</summary>
internal static class Classifiers
{
    /// <summary>
    /// Loads <paramref name="checkpointPath"/> (an EmotionNet checkpoint on TorchSharp, or an exported
    /// .onnx model on ONNX Runtime, told apart by <see cref="ModelFiles.IsOnnx"/>), or the shipped model
    /// when it is null; without either, fails with a message that says how to get a model.
    /// </summary>
    public static IEmotionClassifier Load(string? checkpointPath, DeviceKind device)
    {
        if (checkpointPath is null) return EmotionClassifier.LoadShipped(device);
        return ModelFiles.IsOnnx(checkpointPath) ? LoadOnnx(checkpointPath, device) : EmotionClassifier.Load(checkpointPath, device);
    }

    /// <summary>An ONNX model on ONNX Runtime's CPU provider; --device cuda is refused rather than ignored.</summary>
    public static OnnxEmotionClassifier LoadOnnx(string path, DeviceKind device)
    {
        if (device == DeviceKind.Cuda)
            throw new UsageException($"'{path}' is an ONNX model, which this build runs on the CPU only; use --device cpu or auto, or the model's .ckpt for CUDA.");
        return OnnxEmotionClassifier.Load(path);
    }
}
