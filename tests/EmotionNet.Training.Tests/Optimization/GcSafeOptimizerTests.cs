using GcSafe = EmotionNet.Training.Optimization.GcSafe;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmotionNet.Training.Tests.Optimization;

/// <summary>
/// The GC-safe optimizers are TorchSharp 0.107's to the bit: the same parameters and the same saved state after
/// steps at changing learning rates, with weight decay, momentum and a parameter that gets no gradient.
/// </summary>
public sealed class GcSafeOptimizerTests
{
    public static TheoryData<string> Kinds => ["adamw", "adam", "sgd-nesterov", "sgd-momentum", "sgd"];

    [Theory, MemberData(nameof(Kinds))]
    public void Steps_and_state_equal_TorchSharps_own_optimizer_bit_for_bit(string kind)
    {
        var ours = Parameters();
        var theirs = Parameters();
        using var safe = Create(kind, ours, gcSafe: true);
        using var reference = Create(kind, theirs, gcSafe: false);

        for (var step = 0; step < 6; step++)
        {
            var rate = 0.02 * (step + 1) / 4;
            Step(safe, ours, rate);
            Step(reference, theirs, rate);
        }

        for (var i = 0; i < ours.Length; i++)
        {
            Assert.NotEqual(Bits(Parameters()[i]), Bits(ours[i]));
            Assert.Equal(Bits(theirs[i]), Bits(ours[i]));
        }
        // Byte-equal state files (they start with the type name): a checkpoint written by either resumes into the other.
        Assert.Equal(StateBytes(reference), StateBytes(safe));
    }

    [Fact]
    public void A_parameter_without_gradient_is_left_alone()
    {
        var parameters = Parameters(withIdle: true);
        using var optimizer = Create("adamw", parameters, gcSafe: true);
        using var before = parameters[^1].detach().clone();

        Step(optimizer, parameters, 0.01);

        Assert.Equal(Bits(before), Bits(parameters[^1]));
    }

    // Two used parameters (their gradient depends on their value, so steps differ) and, optionally, one the loss never reads.
    private static Parameter[] Parameters(bool withIdle = false)
    {
        var random = new Random(7);
        Tensor Values(params long[] shape) => tensor(Enumerable.Range(0, (int)shape.Aggregate(1L, (a, b) => a * b)).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray(), shape);
        var list = new List<Parameter> { new(Values(3, 4)), new(Values(5)) };
        if (withIdle) list.Add(new Parameter(Values(2)));
        return [.. list];
    }

    private static OptimizerHelper Create(string kind, Parameter[] parameters, bool gcSafe) => (kind, gcSafe) switch
    {
        ("adamw", true) => new GcSafe.AdamW(parameters, 0.01, 0.05),
        ("adamw", false) => optim.AdamW(parameters, 0.01, weight_decay: 0.05),
        ("adam", true) => new GcSafe.Adam(parameters, 0.01),
        ("adam", false) => optim.Adam(parameters, 0.01),
        ("sgd-nesterov", true) => new GcSafe.SGD(parameters, 0.01, 0.9, 1e-3, nesterov: true),
        ("sgd-nesterov", false) => optim.SGD(parameters, 0.01, momentum: 0.9, weight_decay: 1e-3, nesterov: true),
        ("sgd-momentum", true) => new GcSafe.SGD(parameters, 0.01, 0.9, 0, nesterov: false),
        ("sgd-momentum", false) => optim.SGD(parameters, 0.01, momentum: 0.9),
        ("sgd", true) => new GcSafe.SGD(parameters, 0.01, 0, 0, nesterov: false),
        ("sgd", false) => optim.SGD(parameters, 0.01),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // loss = sum(w * p * p) over the first two parameters: gradients 2 w p.
    private static void Step(OptimizerHelper optimizer, Parameter[] parameters, double rate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
        optimizer.zero_grad();
        using (var scope = NewDisposeScope())
        {
            var loss = (parameters[0] * parameters[0] * tensor(0.5f)).sum() + (parameters[1] * parameters[1] * tensor(1.5f)).sum();
            loss.backward();
        }
        optimizer.step();
    }

    private static int[] Bits(Tensor values) => [.. values.detach().data<float>().ToArray().Select(BitConverter.SingleToInt32Bits)];

    private static byte[] StateBytes(OptimizerHelper optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) optimizer.save_state_dict(writer);
        return stream.ToArray();
    }
}
