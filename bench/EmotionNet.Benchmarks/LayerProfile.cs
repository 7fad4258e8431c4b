using System.Diagnostics;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EmotionNet.Benchmarks;

/// <summary>
/// Forward plus backward of the conv stack's layers one at a time, at the shapes of a training
/// batch, channels-last, in fp32 and bf16: which layers bf16 speeds up and which it does not.
/// Standalone layers of the same sizes as the model's; the model itself is timed by the step.
/// </summary>
internal static class LayerProfile
{
    public sealed record Row(string Block, double Conv32, double Conv16, double Elementwise32, double Elementwise16);

    public static List<Row> Measure(ModelConfig config, int batch, int runs)
    {
        var rows = new List<Row>();
        long channels = 1;
        long side = FaceImage.Side;
        for (var b = 0; b < config.ConvWidths.Count; b++)
        {
            var width = config.ConvWidths[b];
            var times = new double[4];
            for (var i = 0; i < config.ConvsPerBlock; i++)
            {
                var input = i == 0 ? channels : width;
                foreach (var (dtype, slot) in new[] { (ScalarType.Float32, 0), (ScalarType.BFloat16, 1) })
                {
                    using var conv = Conv2d(input, width, 3, padding: 1, bias: false);
                    using var norm = BatchNorm2d(width);
                    conv.to(dtype);
                    norm.to(dtype);
                    times[slot] += Time(x => conv.call(x), [batch, input, side, side], dtype, runs);
                    times[slot + 2] += Time(x => functional.relu(norm.call(x)), [batch, width, side, side], dtype, runs);
                    if (i == config.ConvsPerBlock - 1)
                        times[slot + 2] += Time(x => functional.max_pool2d(x, 2), [batch, width, side, side], dtype, runs);
                }
            }
            rows.Add(new Row($"block {b + 1}: {side}x{side}, {channels}->{width} channels", times[0], times[1], times[2], times[3]));
            channels = width;
            side /= 2;
        }
        return rows;
    }

    /// <summary>Median milliseconds of forward and backward (with a ones gradient) of <paramref name="layer"/> on a channels-last input.</summary>
    private static double Time(Func<Tensor, Tensor> layer, long[] shape, ScalarType dtype, int runs)
    {
        using var scope = NewDisposeScope();
        var x = FrameEncoder.ToChannelsLast(randn(shape).to(dtype)).detach().requires_grad_(true);
        var samples = new List<double>();
        for (var r = 0; r <= runs; r++)
        {
            using var inner = NewDisposeScope();
            var sw = Stopwatch.StartNew();
            var y = layer(x);
            y.backward([ones_like(y)]);
            if (r > 0) samples.Add(sw.Elapsed.TotalMilliseconds);   // the first is a warm-up
            x.grad?.zero_();
        }
        return Stats.Median(samples);
    }
}
