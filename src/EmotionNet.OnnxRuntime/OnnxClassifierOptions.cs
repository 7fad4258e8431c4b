using EmotionNet.Core.Options;

namespace EmotionNet.OnnxRuntime;

/// <summary>How <see cref="OnnxEmotionClassifier"/> sets up its ONNX Runtime session.</summary>
public sealed record OnnxClassifierOptions
{
    /// <summary>
    /// Threads one prediction may use (ONNX Runtime's intra-op threads); 0 lets ONNX Runtime choose
    /// (one per physical core). Default 0.
    /// </summary>
    public int Threads { get; init; }

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public OnnxClassifierOptions Validate()
    {
        var check = new OptionCheck(nameof(OnnxClassifierOptions));
        check.Require(Threads, Threads is >= 0 and <= 1024, "must be between 0 (ONNX Runtime's choice) and 1024");
        return this;
    }
}
