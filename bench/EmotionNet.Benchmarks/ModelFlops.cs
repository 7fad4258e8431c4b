using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Torch.Models;

namespace EmotionNet.Benchmarks;

/// <summary>
/// Multiply-accumulates of one frame through <see cref="EmotionNetModel"/>, counted from the
/// architecture: 3x3 convolutions, the LSTM's four gates and the classifier. BatchNorm, ReLU,
/// pooling and dropout are elementwise (under 1 % of the MACs here) and left out.
/// </summary>
internal static class ModelFlops
{
    /// <summary>Forward FLOPs (2 per MAC) per frame at sequence length <paramref name="t"/>.</summary>
    public static double ForwardPerFrame(ModelConfig config, int t)
    {
        double macs = 0;
        var side = FaceImage.Side;
        long channels = 1;
        foreach (var width in config.ConvWidths)
        {
            for (var i = 0; i < config.ConvsPerBlock; i++)
            {
                macs += (double)side * side * 9 * (i == 0 ? channels : width) * width;
            }
            channels = width;
            side /= 2;
        }
        var directions = config.Bidirectional ? 2 : 1;
        var input = (double)config.FeatureSize;
        for (var layer = 0; layer < config.LstmLayers; layer++)
        {
            macs += directions * 4.0 * config.LstmHidden * (input + config.LstmHidden);
            input = config.LstmHidden * directions;
        }
        macs += input * config.NumClasses / t;   // the classifier runs once per clip
        return 2 * macs;
    }

    /// <summary>Training FLOPs per frame: forward plus a backward of about twice the forward (gradients of inputs and of weights).</summary>
    public static double TrainingPerFrame(ModelConfig config, int t) => 3 * ForwardPerFrame(config, t);
}
