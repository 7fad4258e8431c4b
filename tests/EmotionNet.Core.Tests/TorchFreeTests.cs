using EmotionNet.Core.Emotions;
using EmotionNet.Vision.Imaging;

namespace EmotionNet.Core.Tests;

/// <summary>
/// Core and Vision are the torch-free base of every app, an ONNX Runtime one included: neither may reference
/// TorchSharp. (This test project runs without libtorch in its output, so a torch call would fail here too.)
/// </summary>
public class TorchFreeTests
{
    [Theory]
    [InlineData(typeof(Emotion))]
    [InlineData(typeof(OpenCvFaceImageDecoder))]
    public void The_assembly_references_no_TorchSharp(Type type)
    {
        var references = type.Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();
        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, name => name!.StartsWith("TorchSharp", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_of_TorchSharp_or_libtorch_is_in_this_test_build()
    {
        // deps.json is rewritten by every build (stale files of an earlier build may stay in the folder).
        var deps = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "EmotionNet.Core.Tests.deps.json"));
        Assert.Contains("EmotionNet.Core", deps, StringComparison.Ordinal);
        Assert.DoesNotContain("TorchSharp", deps, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("libtorch", deps, StringComparison.OrdinalIgnoreCase);
    }
}
