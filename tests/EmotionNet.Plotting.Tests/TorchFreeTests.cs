namespace EmotionNet.Plotting.Tests;

/// <summary>
/// The plots reach training through Core's seam (<c>ITrainingPlots</c>, <c>EpochRecord</c>), so an app on ONNX
/// Runtime that draws the analysis plots gets no TorchSharp through EmotionNet.Plotting.
/// </summary>
public class TorchFreeTests
{
    [Fact]
    public void The_plotting_assembly_references_neither_Training_nor_TorchSharp()
    {
        var references = typeof(TrainingPlots).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.Contains("EmotionNet.Core", references);
        Assert.DoesNotContain(references, name => name.StartsWith("TorchSharp", StringComparison.Ordinal));
        Assert.DoesNotContain("EmotionNet.Training", references);
        Assert.DoesNotContain("EmotionNet.Torch", references);
    }
}
