using EmotionNet.Torch.Models;
using static TorchSharp.torch;

namespace EmotionNet.Torch.Tests.Models;

/// <summary>EmotionNet's BatchNorm is TorchSharp's BatchNorm2d without its temporary Scalar: same state, same numbers.</summary>
[Collection(TorchRandomGroup.Name)]
public class BatchNormTests
{
    [Fact]
    public void It_has_BatchNorm2d_state_and_computes_what_BatchNorm2d_computes_in_training_and_eval()
    {
        using var scope = NewDisposeScope();
        using var ours = new BatchNorm(6);
        using var theirs = nn.BatchNorm2d(6);
        Assert.Equal(theirs.state_dict().Keys, ours.state_dict().Keys);
        Assert.Equal(theirs.parameters().Select(p => p.shape), ours.parameters().Select(p => p.shape));

        random.manual_seed(11);
        ours.train();
        theirs.train();
        for (var step = 0; step < 3; step++)
        {
            var x = randn([4, 6, 5, 5]) * 3 + 1;
            Assert.True(theirs.call(x).allclose(ours.call(x), 1e-6, 1e-6), $"training step {step}");
        }
        foreach (var (name, tensor) in theirs.state_dict())
            Assert.True(tensor.to_type(ScalarType.Float64).allclose(ours.state_dict()[name].to_type(ScalarType.Float64), 1e-6, 1e-6), name);
        Assert.Equal(3L, ours.state_dict()["num_batches_tracked"].item<long>());

        ours.eval();
        theirs.eval();
        var y = randn([2, 6, 5, 5]);
        Assert.True(theirs.call(y).allclose(ours.call(y), 1e-6, 1e-6), "eval");
    }
}
