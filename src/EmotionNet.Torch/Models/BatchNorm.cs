using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Torch.Models;

/// <summary>
/// 2-D batch normalization with the state of TorchSharp's <c>BatchNorm2d</c> (weight, bias, running_mean,
/// running_var, num_batches_tracked: same names, order and checkpoints) and the same computation
/// (<c>functional.batch_norm</c>, momentum 0.1, eps 1e-5).
/// Why not TorchSharp's: its forward counts batches with <c>num_batches_tracked.add_(1)</c>, converting
/// the literal to a temporary <c>Scalar</c> that nothing keeps alive during the native call, so the GC
/// can finalize it mid-call (TorchSharp 0.107; dotnet/TorchSharp#1434). Twice seen here as a training
/// run dying with "Unknown scalar type" or "alpha must not be a floating point number" in add_scalar_.
/// This module counts with one <see cref="Scalar"/> held for the life of the process, passed as both the
/// value and the alpha (<c>add_(x)</c> alone makes a temporary alpha = 1, which a first version hit).
/// The conv stack gets it through <see cref="BatchNormFactory"/>, where going back to <c>BatchNorm2d</c> is one line.
/// </summary>
public sealed class BatchNorm : nn.Module<Tensor, Tensor>
{
    /// <summary>PyTorch's default epsilon.</summary>
    public const double Epsilon = 1e-5;

    /// <summary>PyTorch's default momentum of the running statistics.</summary>
    public const double Momentum = 0.1;

    private static readonly Scalar One = 1L.ToScalar();

    /// <summary>A layer over <paramref name="features"/> channels: weight 1, bias 0, running mean 0 and variance 1.</summary>
    public BatchNorm(long features, string name = "BatchNorm") : base(name)
    {
        // In BatchNorm2d's order and names, so checkpoints and optimizer states line up with it.
        register_parameter("weight", new Parameter(ones(features)));
        register_parameter("bias", new Parameter(zeros(features)));
        register_buffer("running_mean", zeros(features));
        register_buffer("running_var", ones(features));
        register_buffer("num_batches_tracked", tensor(0L));
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        // Looked up by name, not held in fields: Module.to() replaces the registered tensors (a dtype or device move).
        if (training)
        {
            using var noGrad = no_grad();
            // Both Scalars explicit: add_(x) alone passes an implicit alpha = 1, a temporary Scalar again.
            get_buffer("num_batches_tracked")!.add_(One, alpha: One);
        }
        return nn.functional.batch_norm(input, get_buffer("running_mean"), get_buffer("running_var"),
            get_parameter("weight"), get_parameter("bias"), training, Momentum, Epsilon);
    }
}
