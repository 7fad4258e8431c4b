using EmotionNet.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.Optimization.GcSafe;

/// <summary>
/// TorchSharp's Adam (temporal training's optimizer) with a step that keeps every <see cref="Scalar"/> alive through
/// the native call that reads it, as <see cref="AdamW"/>: TorchSharp 0.107's arithmetic, state and state files.
/// </summary>
internal sealed class Adam(IEnumerable<Parameter> parameters, double learningRate)
    : TorchSharp.Modules.Adam(parameters, learningRate)
{
    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        var (beta1, beta2, decay, eps, lr) = (options.beta1!.Value, options.beta2!.Value, options.weight_decay!.Value, options.eps!.Value, options.LearningRate!.Value);
        using var keep1 = beta1.ToScalar();
        using var take1 = (1 - beta1).ToScalar();
        using var keep2 = beta2.ToScalar();
        using var take2 = (1 - beta2).ToScalar();
        using var epsilon = eps.ToScalar();
        using var weightDecay = decay.ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var state = (State)_state[parameter.Handle];
            if (parameter.grad is not { } grad) continue;
            if (options.maximize!.Value) grad = -grad;
            state.step++;
            var correction1 = 1 - Math.Pow(beta1, state.step);
            var correction2 = 1 - Math.Pow(beta2, state.step);
            if (decay != 0) grad = grad.add(parameter, weightDecay);
            state.exp_avg.mul_(keep1).add_(grad, take1);
            state.exp_avg_sq.mul_(keep2).addcmul_(grad, grad.conj(), take2);
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
