using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;

/// <summary>Writes a checkpoint of the default architecture with random weights: the real model's cost without a trained model.</summary>
internal static class UntrainedCheckpoint
{
    public static string Create(string path, int sequenceLength, ModelConfig? config = null)
    {
        using var model = new EmotionNetModel(config ?? new ModelConfig());
        var metadata = new CheckpointMetadata
        {
            Model = model.Config,
            ClassSet = "fer7",
            Normalization = InputNormalization.Default,
            SequenceLength = sequenceLength,
        };
        Checkpoint.Capture(model, metadata).Save(path);
        return path;
    }
}
