using EmotionNet.Torch.Models;
using static TorchSharp.torch;

namespace EmotionNet.Onnx.Graph;

/// <summary>One state tensor copied out of libtorch as float32, row-major.</summary>
internal sealed record WeightTensor(long[] Shape, float[] Values);

/// <summary>
/// The model's state dict as managed float arrays, plus each BatchNorm's epsilon: everything the graph
/// needs, read once so that laying out the graph touches no tensor.
/// </summary>
internal sealed class ModelWeights
{
    private readonly Dictionary<string, WeightTensor> tensors;
    private readonly Dictionary<string, double> batchNormEps;

    private ModelWeights(Dictionary<string, WeightTensor> tensors, Dictionary<string, double> batchNormEps)
    {
        this.tensors = tensors;
        this.batchNormEps = batchNormEps;
    }

    public static ModelWeights From(EmotionNetModel model)
    {
        var tensors = new Dictionary<string, WeightTensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in model.state_dict())
        {
            // num_batches_tracked only matters to training with momentum=None.
            if (!TorchSharp.torch.is_floating_point(tensor)) continue;
            using var cpu = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous();
            tensors[name] = new WeightTensor(cpu.shape, cpu.data<float>().ToArray());
        }
        var eps = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, module) in model.named_modules())
        {
            // Either choice of Models.BatchNormFactory.
            if (module is Torch.Models.BatchNorm) eps[name] = Torch.Models.BatchNorm.Epsilon;
            else if (module is TorchSharp.Modules.BatchNorm batchNorm) eps[name] = batchNorm.eps;
        }
        return new ModelWeights(tensors, eps);
    }

    public WeightTensor this[string name] => tensors.TryGetValue(name, out var t) ? t
        : throw new InvalidOperationException($"The model has no state tensor '{name}'.");

    /// <summary>The epsilon of the BatchNorm module named <paramref name="module"/> (1e-5, PyTorch's default, where unknown).</summary>
    public double Eps(string module) => batchNormEps.TryGetValue(module, out var e) ? e : 1e-5;
}
