using EmotionNet.Torch.Models;
using EmotionNet.Training.Options;
using TorchSharp.Modules;

namespace EmotionNet.Training.Optimization;

/// <summary>The optimizers of EmotionNet's runs: TorchSharp's, with steps that keep their Scalars alive (<see cref="GcSafe.AdamW"/>).</summary>
internal static class Optimizers
{
    /// <summary>AdamW (default) or SGD with Nesterov momentum over <paramref name="model"/>'s (fp32 master) parameters.</summary>
    public static OptimizerHelper Create(EmotionNetModel model, TrainingOptions run) => run.Optimizer switch
    {
        OptimizerKind.Sgd => new GcSafe.SGD(model.parameters(), run.LearningRate, run.Momentum, run.WeightDecay, nesterov: run.Momentum > 0),
        _ => new GcSafe.AdamW(model.parameters(), run.LearningRate, run.WeightDecay),
    };

    /// <summary>Adam over <paramref name="parameters"/> (temporal training's optimizer).</summary>
    public static OptimizerHelper Adam(IEnumerable<Parameter> parameters, double learningRate) => new GcSafe.Adam(parameters, learningRate);
}
