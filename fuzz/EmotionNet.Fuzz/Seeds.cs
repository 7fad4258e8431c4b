using EmotionNet.Checkpoints;
using EmotionNet.Imaging;
using EmotionNet.Models;

namespace EmotionNet.Fuzz;

/// <summary>Checkpoint seeds made fresh by this build, so they always match the current format.</summary>
internal static class Seeds
{
    public static void Write(string dir)
    {
        Directory.CreateDirectory(dir);
        TorchSharp.torch.random.manual_seed(1);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [2], ConvsPerBlock = 1, LstmHidden = 2 });
        var path = Path.Combine(dir, "tiny.ckpt");
        Checkpoint.Capture(model, new CheckpointMetadata { Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1 })
            .Save(path);
        // The payload alone: the target also loads every input under a valid header.
        File.WriteAllBytes(Path.Combine(dir, "tiny.payload"), File.ReadAllBytes(path)[52..]);
    }
}
