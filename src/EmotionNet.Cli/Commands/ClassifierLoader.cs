using EmotionNet.Checkpoints;
using EmotionNet.Models;
using EmotionNet.OnnxRuntime;
using EmotionNet.Runtime;

namespace EmotionNet.Cli.Commands;

/// <summary>
/// Loads the classifier for 'analyze' from --checkpoint (null: the shipped model), with --stretch-contrast's
/// override of its contrast stretch (null: the model's own). A seam so tests can pass a fake.
/// </summary>
internal delegate IEmotionClassifier ClassifierLoader(string? checkpointPath, DeviceKind device, bool? stretchContrast);

/// <summary>The loader used by the real command line.</summary>
internal static class Classifiers
{
    /// <summary>
    /// Loads <paramref name="checkpointPath"/> (an EmotionNet checkpoint on TorchSharp, or an exported
    /// .onnx model on ONNX Runtime, told apart by <see cref="ModelFiles.IsOnnx"/>), or the shipped model
    /// when it is null; without either, fails with a message that says how to get a model.
    /// <paramref name="stretchContrast"/> overrides the checkpoint's <see cref="Imaging.InputNormalization.StretchContrast"/>
    /// (<see cref="ModelNormalization"/>), so analyze and evaluate normalize faces alike.
    /// </summary>
    public static IEmotionClassifier Load(string? checkpointPath, DeviceKind device, bool? stretchContrast = null)
    {
        if (checkpointPath is not null && ModelFiles.IsOnnx(checkpointPath))
        {
            var onnx = LoadOnnx(checkpointPath, device);
            try
            {
                ModelNormalization.CheckOnnx(onnx, stretchContrast, checkpointPath);
            }
            catch
            {
                onnx.Dispose();
                throw;
            }
            return onnx;
        }
        if (stretchContrast is null)
            return checkpointPath is null ? EmotionClassifier.LoadShipped(device) : EmotionClassifier.Load(checkpointPath, device);
        var checkpoint = checkpointPath is null ? ShippedModel.Load() : Checkpoint.Load(checkpointPath);
        return EmotionClassifier.Load(ModelNormalization.Apply(checkpoint, stretchContrast), checkpointPath ?? ShippedModel.SourceName, device);
    }

    /// <summary>An ONNX model on ONNX Runtime's CPU provider; --device cuda is refused rather than ignored.</summary>
    public static OnnxEmotionClassifier LoadOnnx(string path, DeviceKind device)
    {
        if (device == DeviceKind.Cuda)
            throw new UsageException($"'{path}' is an ONNX model, which this build runs on the CPU only; use --device cpu or auto, or the model's .ckpt for CUDA.");
        return OnnxEmotionClassifier.Load(path);
    }
}
