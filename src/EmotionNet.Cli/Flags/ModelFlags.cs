using System.CommandLine;
using EmotionNet.Cli.Commands;

namespace EmotionNet.Cli.Flags;

/// <summary>The flag that 'analyze' and 'evaluate' share to choose the model's runtime.</summary>
internal static class ModelFlags
{
    /// <summary><c>--backend torch|onnx</c>; unset, <see cref="ModelChoice.Backend"/> chooses.</summary>
    public static Option<ModelBackend?> Backend() => FlagParsers.OptionalChoice<ModelBackend>("--backend",
        "Runtime of the model: onnx = ONNX Runtime on the CPU, a .ckpt exported in memory; torch = libtorch, CPU or CUDA, with the streaming LSTM",
        "onnx for the shipped model and a .onnx file (faster, same results), torch for a .ckpt or with --device cuda");
}
