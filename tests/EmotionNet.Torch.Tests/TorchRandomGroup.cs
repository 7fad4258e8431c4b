namespace EmotionNet.Torch.Tests;

/// <summary>
/// Tests that seed or draw from libtorch's process-wide random generator (model initialisation, dropout,
/// Trainer.Fit, which seeds it per batch) run alone: xunit runs other collections in parallel, and a draw
/// from another class between a seed and its use would change exactly compared numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchRandomGroup
{
    public const string Name = "libtorch global RNG";
}
