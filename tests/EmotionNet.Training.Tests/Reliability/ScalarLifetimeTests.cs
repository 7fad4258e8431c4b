using EmotionNet.Torch.Models;
using EmotionNet.Training.Engine;
using TorchSharp;

namespace EmotionNet.Training.Tests.Reliability;

/// <summary>
/// The deterministic half of GcStressTests: the race a temporary Scalar opens is too narrow for a stress test to
/// hit reliably, so the assemblies that run tensor arithmetic are checked, call by call, to hand TorchSharp none.
/// </summary>
public sealed class ScalarLifetimeTests
{
    public static TheoryData<string> Assemblies => [typeof(Trainer).Assembly.Location, typeof(EmotionNetModel).Assembly.Location];

    [Theory, MemberData(nameof(Assemblies))]
    public void No_call_hands_TorchSharp_a_temporary_Scalar(string assembly)
    {
        Assert.Empty(TemporaryScalarCalls.In(assembly));
    }

    [Fact]
    public void The_check_finds_each_kind_of_temporary()
    {
        var found = TemporaryScalarCalls.In(typeof(ScalarLifetimeTests).Assembly.Location).Where(c => c.StartsWith("Offenders.", StringComparison.Ordinal)).ToList();

        Assert.Equal(4, found.Count);
        Assert.Contains(found, c => c.Contains("Scalar.op_Implicit"));
        Assert.Contains(found, c => c.Contains("op_Multiply(TorchSharp.torch/Tensor, Double)"));
        Assert.Contains(found, c => c.Contains("op_Addition(TorchSharp.torch/Tensor, TorchSharp.torch/Tensor)"));
        Assert.Contains(found, c => c.Contains("Tensor.add_(TorchSharp.torch/Tensor)"));
    }

    // Never run: the IL the check must flag, one call of each kind, and calls it must not flag.
    private static class Offenders
    {
        public static void Calls(TorchSharp.torch.Tensor a, TorchSharp.torch.Tensor b)
        {
            _ = a.mul(0.5);
            _ = a * 2.0;
            _ = a + b;
            _ = a.add_(b);
            _ = a - b;
            _ = a * b;
            using var held = 0.5.ToScalar();
            _ = a.add(b, held);
        }
    }
}
