using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EmotionNet.Torch.Models;

/// <summary>
/// The one place the conv stack's batch normalization is chosen. Both choices have the same state (names, order,
/// checkpoints) and the same numbers (BatchNormTests); they differ only in the training forward's batch counter:
/// TorchSharp 0.107's <c>BatchNorm2d</c> passes it temporary <see cref="TorchSharp.Scalar"/>s, EmotionNet's
/// <see cref="BatchNorm"/> held ones. GcStressTests passes with either, but it also passes with TorchSharp's own
/// AdamW step, which has the same flaw: the race is too narrow for a test to catch, while real runs with
/// <c>BatchNorm2d</c> died of it twice (docs/benchmarks.md). So EmotionNet's stays until TorchSharp keeps its
/// Scalars alive (dotnet/TorchSharp#1434); then the commented line is the switch, and BatchNorm.cs can go.
/// </summary>
internal static class BatchNormFactory
{
    /// <summary>A 2-D batch normalization over <paramref name="features"/> channels (eps 1e-5, momentum 0.1).</summary>
    public static Module<Tensor, Tensor> Create(long features) => new BatchNorm(features);
    // public static Module<Tensor, Tensor> Create(long features) => BatchNorm2d(features);
}
