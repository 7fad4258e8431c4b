using TorchSharp;
using static TorchSharp.torch;
using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Options;

namespace EmotionNet.Training.Engine;

/// <summary>
/// The teachers of knowledge distillation: trained checkpoints in eval mode whose softened, flip-averaged
/// probabilities are averaged into one target per training clip. They see the student's own augmented batch.
/// </summary>
internal sealed class TeacherEnsemble : IDisposable
{
    private const string Option = $"{nameof(TrainingOptions)}.{nameof(TrainingOptions.Teachers)}";

    private readonly EmotionNetModel[] models;
    private readonly Scalar inverseTemperature;
    private readonly Scalar share;

    private TeacherEnsemble(EmotionNetModel[] models, double temperature)
    {
        this.models = models;
        inverseTemperature = (1.0 / temperature).ToScalar();
        share = (1.0 / (2 * models.Length)).ToScalar();
    }

    /// <summary>Loads <paramref name="paths"/> onto <paramref name="device"/>; each must have <paramref name="classes"/> and <paramref name="normalization"/>.</summary>
    /// <exception cref="CheckpointException">A teacher cannot be read.</exception>
    /// <exception cref="EmotionNetException">A teacher has other classes or another input normalization than the run (the message names it; <see cref="EmotionNetException.Option"/> is <c>TrainingOptions.Teachers</c>).</exception>
    public static TeacherEnsemble Load(IReadOnlyList<string> paths, ClassSet classes, InputNormalization normalization, double temperature, Device device)
    {
        var models = new List<EmotionNetModel>();
        try
        {
            foreach (var path in paths)
            {
                var checkpoint = Checkpoint.Load(path);
                if (checkpoint.Classes.Name != classes.Name)
                    throw new EmotionNetException($"Teacher '{path}' was trained on class set {checkpoint.Classes.Name}, but the run uses {classes.Name}.") { Option = Option };
                if (checkpoint.Metadata.Normalization != normalization)
                    throw new EmotionNetException($"Teacher '{path}' expects input normalization {checkpoint.Metadata.Normalization}, but the run feeds {normalization}.") { Option = Option };
                var model = checkpoint.CreateModel(path);
                model.to(device);
                model.eval();
                models.Add(model);
            }
            return new TeacherEnsemble([.. models], temperature);
        }
        catch
        {
            foreach (var m in models) m.Dispose();
            throw;
        }
    }

    /// <summary>How many teachers.</summary>
    public int Count => models.Length;

    /// <summary>(B, T, 1, 48, 48) inputs -> (B, C) mean of every teacher's softmax(logits / T) on the clip and its mirror image.</summary>
    public Tensor Probabilities(Tensor inputs)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var mirrored = inputs.flip(4);
        Tensor? sum = null;
        foreach (var model in models)
        {
            foreach (var view in new[] { inputs, mirrored })
            {
                var p = nn.functional.softmax(model.call(view).mul(inverseTemperature), 1);
                sum = sum is null ? p : sum.add(p, HeldScalars.One);
            }
        }
        return sum!.mul(share).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var m in models) m.Dispose();
        inverseTemperature.Dispose();
        share.Dispose();
    }
}
