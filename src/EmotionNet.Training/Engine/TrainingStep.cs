using EmotionNet.Torch.Models;
using EmotionNet.Training.MixedPrecision;
using EmotionNet.Training.Options;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.Engine;

/// <summary>
/// One optimizer step: forward, loss, backward, clipping, optimizer, in fp32 or bf16 mixed
/// precision. Shared by <see cref="Trainer"/> and the training benchmark, so what is measured is
/// what trains.
/// </summary>
internal sealed class TrainingStep
{
    private readonly EmotionNetModel model;
    private readonly MixedPrecisionModel? mixed;
    private readonly OptimizerHelper optimizer;
    private readonly TrainingOptions run;
    private readonly TrainingLoss? loss;
    private readonly Parameter[] parameters;

    /// <summary>A step of <paramref name="run"/>; without <paramref name="loss"/> it minimizes plain label-smoothed cross-entropy (the benchmarks' step).</summary>
    public TrainingStep(EmotionNetModel model, MixedPrecisionModel? mixed, OptimizerHelper optimizer, TrainingOptions run, TrainingLoss? loss)
    {
        this.model = model;
        this.mixed = mixed;
        this.optimizer = optimizer;
        this.run = run;
        this.loss = loss;
        parameters = model.parameters().ToArray();
    }

    /// <summary>
    /// Trains on one batch at <paramref name="learningRate"/>; returns the loss and the fp32 logits
    /// (in the caller's dispose scope). <paramref name="teacherProbabilities"/> are the distillation targets, if any;
    /// <paramref name="observer"/> hears the end of every phase.
    /// </summary>
    public (Tensor Loss, Tensor Logits) Run(Tensor inputs, Tensor labels, double learningRate, Tensor? teacherProbabilities = null, IStepObserver? observer = null)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
        Tensor logits;
        if (mixed is null)
        {
            optimizer.zero_grad();
            observer?.Ended(StepPhase.WeightCopy);
            logits = model.call(inputs);
        }
        else
        {
            mixed.PullParameters();
            observer?.Ended(StepPhase.WeightCopy);
            mixed.PullBuffers();
            observer?.Ended(StepPhase.BufferCopyIn);
            logits = mixed.Forward(inputs);
        }
        observer?.Ended(StepPhase.Forward);
        var value = loss?.Compute(logits, labels, teacherProbabilities) ?? LossAndGradients.CrossEntropy(logits, labels, run.LabelSmoothing, null);
        observer?.Ended(StepPhase.Loss);
        value.backward();
        observer?.Ended(StepPhase.Backward);
        if (mixed is not null)
        {
            mixed.PushGradients();
            observer?.Ended(StepPhase.GradientCopy);
            mixed.PushBuffers();
            observer?.Ended(StepPhase.BufferCopyOut);
        }
        if (run.GradientClip > 0) LossAndGradients.ClipGradientNorm(parameters, run.GradientClip);
        observer?.Ended(StepPhase.Clip);
        optimizer.step();
        observer?.Ended(StepPhase.Optimizer);
        return (value, logits);
    }
}
