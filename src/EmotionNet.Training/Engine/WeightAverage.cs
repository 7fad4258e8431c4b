using TorchSharp;
using static TorchSharp.torch;
using EmotionNet.Torch.Models;

namespace EmotionNet.Training.Engine;

/// <summary>
/// An exponential moving average of a model's weights and BatchNorm statistics over optimizer steps
/// (Polyak averaging, as timm's ModelEmaV2): the average generalizes better than the last step's
/// weights, so validation, best.ckpt and the final report use it. The decay ramps up as
/// <c>min(decay, (1 + step) / (10 + step))</c>, so the average of a short run is not dominated by its
/// random start. Integer buffers (BatchNorm's batch counter) are copied, not averaged.
/// </summary>
internal sealed class WeightAverage : IDisposable
{
    private readonly double decay;
    private readonly Tensor[] live;
    private readonly Tensor[] average;

    /// <summary>Starts the average at <paramref name="model"/>'s current state.</summary>
    public WeightAverage(EmotionNetModel model, double decay)
    {
        this.decay = decay;
        live = [.. model.state_dict().Values];
        using var noGrad = no_grad();
        average = [.. live.Select(t => t.detach().clone())];
    }

    /// <summary>Starts from a saved average (a resumed run), given in <paramref name="model"/>'s state order.</summary>
    public WeightAverage(EmotionNetModel model, double decay, EmotionNetModel saved) : this(model, decay)
    {
        using var noGrad = no_grad();
        var values = saved.state_dict().Values.ToArray();
        for (var i = 0; i < average.Length; i++) average[i].copy_(values[i]);
    }

    /// <summary>Folds the model's state after optimizer step number <paramref name="step"/> (0-based) into the average.</summary>
    public void Update(long step)
    {
        var d = Math.Min(decay, (1.0 + step) / (10.0 + step));
        // The Scalar is held in a local for the whole loop: TorchSharp 0.107 passes its handle to native code
        // without keeping it alive, and a collected Scalar mid-call corrupts the value (see HeldScalars).
        using var keep = d.ToScalar();
        using var weight = (1 - d).ToScalar();
        using var noGrad = no_grad();
        for (var i = 0; i < average.Length; i++)
        {
            if (average[i].is_floating_point()) average[i].mul_(keep).add_(live[i], alpha: weight);
            else average[i].copy_(live[i]);
        }
    }

    /// <summary>Puts the averaged state into the model until the returned scope is disposed, which puts the live state back.</summary>
    public IDisposable Swap()
    {
        using var noGrad = no_grad();
        var saved = live.Select(t => t.detach().clone()).ToArray();
        for (var i = 0; i < live.Length; i++) live[i].copy_(average[i]);
        return new Restore(live, saved);
    }

    /// <summary>Writes the averaged state into <paramref name="target"/> (a model of the same architecture).</summary>
    public void CopyTo(EmotionNetModel target)
    {
        using var noGrad = no_grad();
        var values = target.state_dict().Values.ToArray();
        for (var i = 0; i < average.Length; i++) values[i].copy_(average[i]);
    }

    public void Dispose()
    {
        foreach (var t in average) t.Dispose();
    }

    private sealed class Restore(Tensor[] live, Tensor[] saved) : IDisposable
    {
        public void Dispose()
        {
            using var noGrad = no_grad();
            for (var i = 0; i < live.Length; i++)
            {
                live[i].copy_(saved[i]);
                saved[i].Dispose();
            }
        }
    }
}
