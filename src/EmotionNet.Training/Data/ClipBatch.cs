using static TorchSharp.torch;

namespace EmotionNet.Training.Data;

/// <summary>One batch of clips as tensors; dispose it when the step is done.</summary>
public sealed class ClipBatch : IDisposable
{
    internal ClipBatch(Tensor inputs, Tensor labels, int[] clips)
    {
        Inputs = inputs;
        Labels = labels;
        Clips = clips;
    }

    /// <summary>Normalized frames, float32, shape (B, T, 1, 48, 48).</summary>
    public Tensor Inputs { get; }

    /// <summary>Class indices, int64, shape (B).</summary>
    public Tensor Labels { get; }

    /// <summary>Clips in the batch, B.</summary>
    public int Count => Clips.Count;

    /// <summary>The set indices of the batch's clips, in batch order.</summary>
    public IReadOnlyList<int> Clips { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Inputs.Dispose();
        Labels.Dispose();
    }
}
