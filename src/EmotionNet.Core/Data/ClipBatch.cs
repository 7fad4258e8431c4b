using static TorchSharp.torch;

namespace EmotionNet.Data;

/// <summary>TEMPORARY stand-in until the data pipeline lands.</summary>
public sealed class ClipBatch(Tensor inputs, Tensor labels) : IDisposable
{
    /// <summary>(B, T, 1, 48, 48).</summary>
    public Tensor Inputs { get; } = inputs;
    /// <summary>(B).</summary>
    public Tensor Labels { get; } = labels;
    /// <summary>B.</summary>
    public int Count => (int)Labels.shape[0];
    /// <inheritdoc />
    public void Dispose() { Inputs.Dispose(); Labels.Dispose(); }
}
