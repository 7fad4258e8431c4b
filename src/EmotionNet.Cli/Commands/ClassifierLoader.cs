using EmotionNet.Core;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Runtime;
using EmotionNet.Onnx;
using EmotionNet.OnnxRuntime;
using EmotionNet.Torch;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Runtime;

namespace EmotionNet.Cli.Commands;

/// <summary>Loads the classifier of 'analyze' and 'evaluate'. A seam so tests can pass a fake.</summary>
internal delegate IEmotionClassifier ClassifierLoader(ModelChoice model);

/// <summary>The loader used by the real command line.</summary>
internal static class Classifiers
{
    /// <summary>
    /// Loads <paramref name="model"/> on its <see cref="ModelChoice.Backend"/>: the shipped model (the .onnx inside
    /// EmotionNet.OnnxRuntime or the .ckpt inside EmotionNet.Torch), an ONNX file, or a checkpoint, which ONNX
    /// Runtime runs after an in-memory export. <see cref="ModelChoice.StretchContrast"/> overrides a checkpoint's
    /// contrast stretch (<see cref="ModelNormalization"/>); an ONNX model's is part of its graph and is only checked.
    /// A combination that cannot work is a <see cref="UsageException"/>.
    /// </summary>
    public static IEmotionClassifier Load(ModelChoice model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var path = model.Checkpoint;
        if (path is null && !(model.Backend == ModelBackend.Torch ? ShippedModel.IsAvailable : ShippedOnnxModel.IsAvailable))
            throw new EmotionNetException($"No model: this build ships none for --backend {model.BackendName}. Pass --checkpoint <file>, or train one with 'emotionnet train'.");
        if (model.Backend == ModelBackend.Torch)
        {
            if (path is not null && ModelFiles.IsOnnx(path))
                throw new UsageException($"'{path}' is an ONNX model, which --backend torch cannot run; use --backend onnx, or the model's .ckpt.");
            if (model.StretchContrast is null)
                return path is null ? EmotionClassifier.LoadShipped(model.Device) : EmotionClassifier.Load(path, model.Device);
            var own = path is null ? ShippedModel.Load() : Checkpoint.Load(path);
            return EmotionClassifier.Load(ModelNormalization.Apply(own, model.StretchContrast), model.SourceName, model.Device);
        }
        if (model.Device == DeviceKind.Cuda)
            throw new UsageException("--backend onnx runs on the CPU only in this build; use --backend torch for --device cuda.");
        if (model.StreamingLstm)
            throw new UsageException("--temporal lstm needs --backend torch: the ONNX model classifies clips and carries no LSTM state from frame to frame.");
        if (path is null || ModelFiles.IsOnnx(path))
        {
            var onnx = path is null ? OnnxEmotionClassifier.LoadShipped() : OnnxEmotionClassifier.Load(path);
            try
            {
                ModelNormalization.CheckOnnx(onnx, model.StretchContrast, model.SourceName);
                return onnx;
            }
            catch
            {
                onnx.Dispose();
                throw;
            }
        }
        // A checkpoint on ONNX Runtime: exported in memory (libtorch reads the weights once), then run without it.
        var checkpoint = ModelNormalization.Apply(Checkpoint.Load(path), model.StretchContrast);
        NativeRuntime.EnsureTorch();
        using var torchModel = checkpoint.CreateModel(path);
        return OnnxEmotionClassifier.Load(OnnxExporter.ToBytes(torchModel, checkpoint.Metadata), path);
    }
}
