using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Samples;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using static TorchSharp.torch;

namespace EmotionNet.Onnx.Tests;

/// <summary>Small models with non-trivial BatchNorm statistics, and clips of real FER2013 sample faces.</summary>
internal static class TestModels
{
    public static readonly Lazy<FaceDataSplits> Sample = new(() => SampleData.Load(ClassSet.Fer7));

    /// <summary>A freshly initialised model whose BatchNorm running statistics are randomised, so folding them is tested.</summary>
    public static Checkpoint RandomCheckpoint(ModelConfig config, int sequenceLength, int seed, bool stretchContrast = false)
    {
        manual_seed(seed);
        using var model = new EmotionNetModel(config);
        using (no_grad())
        {
            foreach (var (name, tensor) in model.state_dict())
            {
                if (name.EndsWith("running_mean", StringComparison.Ordinal)) tensor.copy_(randn(tensor.shape) * 0.2);
                else if (name.EndsWith("running_var", StringComparison.Ordinal)) tensor.copy_(rand(tensor.shape) + 0.5);
                else if (name.Contains(".bn", StringComparison.Ordinal) && name.EndsWith("weight", StringComparison.Ordinal)) tensor.copy_(rand(tensor.shape) + 0.5);
            }
        }
        model.eval();
        var metadata = new CheckpointMetadata
        {
            Model = config,
            ClassSet = config.NumClasses == 6 ? ClassSet.Seed6.Name : ClassSet.Fer7.Name,
            Normalization = new InputNormalization { Mean = 0.48f, Std = 0.27f, StretchContrast = stretchContrast },
            SequenceLength = sequenceLength,
        };
        return Checkpoint.Capture(model, metadata);
    }

    /// <summary><paramref name="clips"/> clips of <paramref name="t"/> different sample faces each (a face sequence, not a still).</summary>
    public static byte[] Clips(int clips, int t)
    {
        var set = Sample.Value.Training;
        var bytes = new byte[clips * t * FaceImage.FrameBytes];
        for (var i = 0; i < clips * t; i++) set.Frames(i % set.Count).CopyTo(bytes.AsSpan(i * FaceImage.FrameBytes, FaceImage.FrameBytes));
        return bytes;
    }

    public static float MaxDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        var max = 0f;
        for (var i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }
}
