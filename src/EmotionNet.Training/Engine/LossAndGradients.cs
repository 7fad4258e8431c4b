using EmotionNet.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.Engine;

/// <summary>
/// The loss and gradient clipping, written out because TorchSharp 0.107's built-ins are slow on
/// CPU here: cross_entropy with label_smoothing and clip_grad_norm_ each cost more than the
/// whole forward and backward pass of a batch (measured once when this was written, not by a benchmark
/// program: 49 frames/s with both, 320 without; the step profile of bench/EmotionNet.Benchmarks' train mode
/// times both as they are now, docs/benchmarks.md). The loss is tested equal to TorchSharp's.
/// Every <see cref="Scalar"/> is explicit and alive to the end of its call (<see cref="HeldScalars"/>).
/// </summary>
internal static class LossAndGradients
{
    /// <summary>Cross-entropy with label smoothing and optional class weights, averaged over the batch.</summary>
    // (B, C) logits, (B) int64 labels -> scalar
    public static Tensor CrossEntropy(Tensor logits, Tensor labels, double smoothing, Tensor? classWeights)
    {
        using var scope = NewDisposeScope();
        var logProbabilities = nn.functional.log_softmax(logits, 1);
        var nll = -logProbabilities.gather(1, labels.unsqueeze(1)).squeeze(1);        // (B)
        using var keep = (1 - smoothing).ToScalar();
        using var spread = smoothing.ToScalar();
        var loss = smoothing > 0 ? nll.mul(keep).sub(logProbabilities.mean([1]).mul(spread)) : nll;
        if (classWeights is null) return loss.mean().MoveToOuterDisposeScope();
        var w = classWeights.index_select(0, labels);
        return ((loss * w).sum() / w.sum()).MoveToOuterDisposeScope();
    }

    /// <summary>Scales all gradients so their global L2 norm is at most <paramref name="maxNorm"/>.</summary>
    public static void ClipGradientNorm(IReadOnlyList<Parameter> parameters, double maxNorm)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var grads = parameters.Select(p => p.grad).Where(g => g is not null).Select(g => g!).ToArray();
        if (grads.Length == 0) return;
        var total = stack(grads.Select(g => g.pow(HeldScalars.Two).sum()).ToArray()).sum().sqrt();
        using var epsilon = 1e-6.ToScalar();
        using var limit = maxNorm.ToScalar();
        using var one = 1.0.ToScalar();
        // Clamp the factor at 1 inside the graph of tensors: no host sync per step.
        var factor = total.add(epsilon, HeldScalars.One).reciprocal().mul(limit).clamp_max(one);
        foreach (var g in grads) g.mul_(factor);
    }
}
