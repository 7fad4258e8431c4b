using EmotionNet.Core.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EmotionNet.Torch.Models;

/// <summary>n x (3x3 convolution, batch norm, activation), then 2x2 max pooling.</summary>
internal sealed class ConvBlock : Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    public ConvBlock(string name, long inChannels, long outChannels, int convs, Activation activation) : base(name)
    {
        var modules = new List<(string, Module<Tensor, Tensor>)>();
        for (var i = 0; i < convs; i++)
        {
            modules.Add(($"conv{i + 1}", Conv2d(i == 0 ? inChannels : outChannels, outChannels, 3, padding: 1, bias: false)));
            modules.Add(($"bn{i + 1}", BatchNormFactory.Create(outChannels)));
            modules.Add(($"act{i + 1}", CreateActivation(activation)));
        }
        modules.Add(("pool", MaxPool2d(2)));
        layers = Sequential(modules);
        RegisterComponents();
    }

    // (N, in, H, W) -> (N, out, H/2, W/2)
    public override Tensor forward(Tensor x) => layers.call(x);

    private static Module<Tensor, Tensor> CreateActivation(Activation activation) => activation switch
    {
        Activation.Relu => ReLU(inplace: true),
        Activation.Gelu => GELU(),
        Activation.Silu => SiLU(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };
}
