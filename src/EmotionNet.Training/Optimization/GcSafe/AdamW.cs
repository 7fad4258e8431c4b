using EmotionNet.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.Optimization.GcSafe;

/// <summary>
/// TorchSharp's AdamW with a step that keeps every <see cref="Scalar"/> alive through the native call that reads it.
/// TorchSharp 0.107's own step passes temporary Scalars (<c>mul_(1 - lr * decay)</c>, <c>add_(grad, 1 - beta1)</c>...)
/// that the finalizer may free while libtorch reads them (<see cref="HeldScalars"/>). The arithmetic is TorchSharp
/// 0.107's, operation for operation (the same bits: GcSafeOptimizerTests), and so are the state and its files.
/// The three GC-safe optimizers keep TorchSharp's class names on purpose: a saved optimizer state starts with the
/// optimizer's type name and loads only into that name, so checkpoints written before and after load into either.
/// </summary>
internal sealed class AdamW(IEnumerable<Parameter> parameters, double learningRate, double weightDecay)
    : TorchSharp.Modules.AdamW(parameters, learningRate, weight_decay: weightDecay)
{
    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        var (beta1, beta2, decay, eps, lr) = (options.beta1!.Value, options.beta2!.Value, options.weight_decay!.Value, options.eps!.Value, options.LearningRate!.Value);
        using var shrink = (1 - lr * decay).ToScalar();
        using var keep1 = beta1.ToScalar();
        using var take1 = (1 - beta1).ToScalar();
        using var keep2 = beta2.ToScalar();
        using var take2 = (1 - beta2).ToScalar();
        using var epsilon = eps.ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var state = (State)_state[parameter.Handle];
            if (parameter.grad is not { } grad) continue;
            if (options.maximize!.Value) grad = -grad;
            state.step++;
            parameter.mul_(shrink);
            var correction1 = 1 - Math.Pow(beta1, state.step);
            var correction2 = 1 - Math.Pow(beta2, state.step);
            state.exp_avg.mul_(keep1).add_(grad, take1);
            state.exp_avg_sq.mul_(keep2).addcmul_(grad, grad, take2);
            using var root2 = Math.Sqrt(correction2).ToScalar();
            Tensor denominator;
            if (options.amsgrad!.Value)
            {
                var previous = state.max_exp_avg_sq;
                state.max_exp_avg_sq = maximum(previous, state.exp_avg_sq).DetachFromDisposeScope();
                previous.Dispose();
                denominator = state.max_exp_avg_sq.sqrt().div(root2).add_(epsilon, HeldScalars.One);
            }
            else denominator = state.exp_avg_sq.sqrt().div(root2).add_(epsilon, HeldScalars.One);
            using var stepSize = (-(lr / correction1)).ToScalar();
            parameter.addcdiv_(state.exp_avg, denominator, stepSize);
        }
    }, closure);
}
