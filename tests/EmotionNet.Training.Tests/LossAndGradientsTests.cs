using EmotionNet.Training.Engine;
using static TorchSharp.torch;

namespace EmotionNet.Training.Tests;

[Collection(TorchRandomGroup.Name)]
public class LossAndGradientsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    public void Cross_entropy_matches_torch(double smoothing)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(2);
        var logits = randn(16, 7);
        var labels = randint(0, 7, [16]);
        var weights = rand(7) + 0.5;

        var ours = LossAndGradients.CrossEntropy(logits, labels, smoothing, null);
        var torchs = nn.functional.cross_entropy(logits, labels, label_smoothing: smoothing);
        Assert.Equal(torchs.item<float>(), ours.item<float>(), 5);

        var oursWeighted = LossAndGradients.CrossEntropy(logits, labels, 0, weights);
        var torchWeighted = nn.functional.cross_entropy(logits, labels, weight: weights);
        Assert.Equal(torchWeighted.item<float>(), oursWeighted.item<float>(), 5);
    }

    [Fact]
    public void Clipping_scales_the_global_norm_down_and_leaves_small_gradients_alone()
    {
        using var scope = NewDisposeScope();
        var a = nn.Parameter(zeros(3));
        var b = nn.Parameter(zeros(4));
        (a * tensor(new float[] { 3, 0, 0 })).sum().backward();
        (b * tensor(new float[] { 0, 4, 0, 0 })).sum().backward();   // global norm 5

        LossAndGradients.ClipGradientNorm([a, b], 1.0);
        Assert.Equal(0.6f, a.grad!.data<float>()[0], 4);
        Assert.Equal(0.8f, b.grad!.data<float>()[1], 4);

        LossAndGradients.ClipGradientNorm([a, b], 10.0);
        Assert.Equal(0.6f, a.grad!.data<float>()[0], 4);
    }
}
