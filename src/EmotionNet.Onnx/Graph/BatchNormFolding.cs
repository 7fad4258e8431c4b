namespace EmotionNet.Onnx.Graph;

/// <summary>
/// Folds an inference-mode BatchNorm into the bias-free convolution before it:
/// <c>y = gamma * (conv(x) - mean) / sqrt(var + eps) + beta</c> is <c>conv'(x) + b'</c> with
/// <c>W' = W * gamma / sqrt(var + eps)</c> per output channel and <c>b' = beta - mean * gamma / sqrt(var + eps)</c>.
/// One Conv per layer instead of Conv + BatchNormalization: fewer passes over the activations at run time.
/// </summary>
internal static class BatchNormFolding
{
    public static (float[] Weight, float[] Bias) Fold(WeightTensor conv, WeightTensor gamma, WeightTensor beta, WeightTensor mean, WeightTensor variance, double eps)
    {
        var outChannels = (int)conv.Shape[0];
        var perChannel = conv.Values.Length / outChannels;
        var weight = new float[conv.Values.Length];
        var bias = new float[outChannels];
        for (var c = 0; c < outChannels; c++)
        {
            // In double: the folded weights then differ from libtorch's two-step result by float rounding only.
            var scale = gamma.Values[c] / Math.Sqrt(variance.Values[c] + eps);
            for (var k = 0; k < perChannel; k++) weight[c * perChannel + k] = (float)(conv.Values[c * perChannel + k] * scale);
            bias[c] = (float)(beta.Values[c] - mean.Values[c] * scale);
        }
        return (weight, bias);
    }
}
