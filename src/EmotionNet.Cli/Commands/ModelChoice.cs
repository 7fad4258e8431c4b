using EmotionNet.Core.Runtime;
using EmotionNet.OnnxRuntime;
using EmotionNet.Torch.Checkpoints;

namespace EmotionNet.Cli.Commands;

/// <summary>
/// The model of <c>analyze</c> and <c>evaluate</c>: <c>--checkpoint</c> (null: the shipped model), <c>--backend</c>
/// (null: chosen by <see cref="Backend"/>) and <c>--device</c>.
/// </summary>
/// <param name="Checkpoint">A checkpoint (.ckpt) or an exported ONNX model (.onnx); null for the shipped model.</param>
/// <param name="AskedBackend">The backend asked for with <c>--backend</c>, or null.</param>
/// <param name="Device">Where a torch model computes.</param>
/// <param name="StreamingLstm">The LSTM must carry each face's state from frame to frame (<c>analyze --temporal lstm</c>), which only libtorch's classifier does.</param>
/// <param name="StretchContrast"><c>--stretch-contrast on|off</c>: overrides the model's contrast stretch; null (<c>model</c>) keeps its own.</param>
internal sealed record ModelChoice(string? Checkpoint, ModelBackend? AskedBackend, DeviceKind Device, bool StreamingLstm = false, bool? StretchContrast = null)
{
    /// <summary>
    /// The backend that runs the model: the one asked for; else ONNX Runtime for an ONNX file, libtorch for a
    /// checkpoint file (its own format, and the only backend with the streaming LSTM that a model from
    /// <c>train-temporal</c> follows video with), and for the shipped model ONNX Runtime, the faster here with the
    /// same results (docs/benchmarks-inference.md), unless <c>--device cuda</c> or the streaming LSTM needs libtorch.
    /// </summary>
    public ModelBackend Backend => AskedBackend ?? Checkpoint switch
    {
        null => Device == DeviceKind.Cuda || StreamingLstm ? ModelBackend.Torch : ModelBackend.Onnx,
        var path when ModelFiles.IsOnnx(path) => ModelBackend.Onnx,
        _ => ModelBackend.Torch,
    };

    /// <summary>The model for reports: the checkpoint's path, or the shipped model's name.</summary>
    public string SourceName => Checkpoint ?? (Backend == ModelBackend.Onnx ? ShippedOnnxModel.SourceName : ShippedModel.SourceName);

    /// <summary>The backend's flag word, for reports.</summary>
    public string BackendName => Backend == ModelBackend.Onnx ? "onnx" : "torch";
}
