namespace EmotionNet.Cli.Commands;

/// <summary>Which runtime runs the model in <c>analyze</c> and <c>evaluate</c> (<c>--backend</c>).</summary>
internal enum ModelBackend
{
    /// <summary>libtorch through TorchSharp (EmotionNet.Torch's <c>EmotionClassifier</c>): CPU or CUDA, and the streaming LSTM.</summary>
    Torch,

    /// <summary>
    /// ONNX Runtime's CPU provider (EmotionNet.OnnxRuntime's <c>OnnxEmotionClassifier</c>): the default, faster
    /// than libtorch on this model with the same results (docs/benchmarks-inference.md).
    /// </summary>
    Onnx,
}
