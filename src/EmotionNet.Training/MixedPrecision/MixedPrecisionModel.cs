using EmotionNet.Torch.Models;
using EmotionNet.Torch.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.MixedPrecision;

/// <summary>
/// Mixed precision by hand (TorchSharp 0.107 has no autocast or GradScaler): a bfloat16 working
/// copy of the master model runs forward and backward; its gradients are copied into the fp32
/// master weights' gradients, where the optimizer steps. bf16 has fp32's exponent range, so no
/// loss scaling is needed. BatchNorm running statistics are synced both ways.
/// </summary>
internal sealed class MixedPrecisionModel : IDisposable
{
    private readonly EmotionNetModel master;
    private readonly EmotionNetModel working;
    private readonly Parameter[] masterParameters;
    private readonly Parameter[] workingParameters;
    private readonly Tensor[] masterBuffers;
    private readonly Tensor[] workingBuffers;

    public MixedPrecisionModel(EmotionNetModel master, Device device)
    {
        this.master = master;
        working = new EmotionNetModel(master.Config, master.ChannelsLast);
        working.to(device).to(ScalarType.BFloat16);
        masterParameters = master.parameters().ToArray();
        workingParameters = working.parameters().ToArray();
        masterBuffers = master.buffers().ToArray();
        workingBuffers = working.buffers().ToArray();
        // The master gradients must exist before they can be copied into.
        foreach (var p in masterParameters)
        {
            using var zero = p.mul(HeldScalars.Zero).sum();
            zero.backward();
        }
    }

    /// <summary>Copies the master weights into the bf16 working copy and clears its gradients.</summary>
    public void PullParameters()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < masterParameters.Length; i++) workingParameters[i].copy_(masterParameters[i]);
        working.train(master.training);
        working.zero_grad();
    }

    /// <summary>Copies the master's BatchNorm running statistics into the working copy.</summary>
    public void PullBuffers()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < masterBuffers.Length; i++)
            if (masterBuffers[i].is_floating_point()) workingBuffers[i].copy_(masterBuffers[i]);
    }

    /// <summary>bf16 forward; logits come back in fp32 for a precise loss.</summary>
    public Tensor Forward(Tensor clips) => working.call(clips.to(ScalarType.BFloat16)).to(ScalarType.Float32);

    /// <summary>After backward: the working gradients go to the master's fp32 gradients.</summary>
    public void PushGradients()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < masterParameters.Length; i++)
        {
            var g = workingParameters[i].grad;
            if (g is null) masterParameters[i].grad!.zero_();
            else masterParameters[i].grad!.copy_(g);
        }
    }

    /// <summary>After forward in training mode: the updated BatchNorm statistics go back to the master.</summary>
    public void PushBuffers()
    {
        using var noGrad = no_grad();
        for (var i = 0; i < masterBuffers.Length; i++) masterBuffers[i].copy_(workingBuffers[i]);
    }

    public void Dispose() => working.Dispose();
}
