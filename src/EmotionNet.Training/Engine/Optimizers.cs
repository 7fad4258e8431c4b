using EmotionNet.Torch.Models;
using EmotionNet.Training.Options;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.Engine;

/// <summary>The optimizer a run's options ask for.</summary>
internal static class Optimizers
{
    /// <summary>AdamW (default) or SGD with Nesterov momentum over <paramref name="model"/>'s (fp32 master) parameters.</summary>
    public static OptimizerHelper Create(EmotionNetModel model, TrainingOptions run) => run.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(model.parameters(), run.LearningRate, momentum: run.Momentum, weight_decay: run.WeightDecay, nesterov: run.Momentum > 0),
        _ => optim.AdamW(model.parameters(), run.LearningRate, weight_decay: run.WeightDecay),
    };
}
