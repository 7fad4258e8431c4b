using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.Optimization.GcSafe;

/// <summary>
/// TorchSharp's SGD (momentum, Nesterov, weight decay) with a step that keeps every <see cref="Scalar"/> alive through
/// the native call that reads it, as <see cref="AdamW"/>: TorchSharp 0.107's arithmetic, state and state files.
/// </summary>
internal sealed class SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum, double weightDecay, bool nesterov)
    : TorchSharp.Modules.SGD(parameters, learningRate, momentum: momentum, weight_decay: weightDecay, nesterov: nesterov)
{
    /// <inheritdoc />
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = group.Options;
        var (momentumValue, dampening, decay, nesterovOn, lr) = (options.momentum!.Value, options.dampening!.Value, options.weight_decay!.Value, options.nesterov!.Value, options.LearningRate!.Value);
        using var weightDecay = decay.ToScalar();
        using var keep = momentumValue.ToScalar();
        using var take = (1 - dampening).ToScalar();
        using var rate = (options.maximize!.Value ? lr : -lr).ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var state = (State)_state[parameter.Handle];
            if (parameter.grad is not { } grad) continue;
            if (decay != 0) grad = grad.add(parameter, weightDecay);
            if (momentumValue != 0)
            {
                var buffer = state.momentum_buffer;
                if (buffer is null) buffer = state.momentum_buffer = grad.clone().detach().DetachFromDisposeScope();
                else buffer.mul_(keep).add_(grad, take);
                grad = nesterovOn ? grad.add(buffer, keep) : buffer;
                state.momentum_buffer = buffer;
            }
            parameter.add_(grad, rate);
        }
    }, closure);
}
