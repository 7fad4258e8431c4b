using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EmotionNet.Models;

/// <summary>The per-frame CNN: conv blocks, then global average pooling to one feature vector per frame.</summary>
internal sealed class FrameEncoder : Module<Tensor, Tensor>
{
    private readonly ModuleList<ConvBlock> blocks = new();
    private readonly AdaptiveAvgPool2d pool;
    private readonly bool channelsLast = Experiment;

    internal static bool Experiment { get; set; }

    public FrameEncoder(ModelConfig config) : base(nameof(FrameEncoder))
    {
        long channels = 1;
        for (var i = 0; i < config.ConvWidths.Count; i++)
        {
            blocks.Add(new ConvBlock($"block{i + 1}", channels, config.ConvWidths[i], config.ConvsPerBlock, config.Activation));
            channels = config.ConvWidths[i];
        }
        pool = AdaptiveAvgPool2d(1);
        RegisterComponents();
    }

    // (N, 1, 48, 48) -> (N, F)
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = channelsLast ? x.as_strided(x.shape, [x.shape[2] * x.shape[3], 1, x.shape[3], 1]) : x;
        foreach (var block in blocks) y = block.call(y);
        return pool.call(y).flatten(1).MoveToOuterDisposeScope();
    }
}
