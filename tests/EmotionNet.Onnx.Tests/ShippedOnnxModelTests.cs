using EmotionNet.Onnx.Proto;
using EmotionNet.OnnxRuntime;
using EmotionNet.Torch.Checkpoints;
using Xunit.Abstractions;

namespace EmotionNet.Onnx.Tests;

/// <summary>
/// The ONNX model inside EmotionNet.OnnxRuntime (checkpoints/emotionnet-fer7.onnx) is the shipped checkpoint
/// exported: re-exporting the checkpoint gives the same graph and the same probabilities, so the two cannot drift.
/// When this fails after a change to the checkpoint or the exporter, regenerate the file (docs/onnx.md):
/// <c>dotnet run --project src/EmotionNet.Cli -c Release -- export --out checkpoints/emotionnet-fer7.onnx</c>.
/// </summary>
public sealed class ShippedOnnxModelTests(ITestOutputHelper output)
{
    private const string Regenerate = "checkpoints/emotionnet-fer7.onnx is not the shipped checkpoint exported by this build; regenerate it with " +
        "'dotnet run --project src/EmotionNet.Cli -c Release -- export --out checkpoints/emotionnet-fer7.onnx' (docs/onnx.md).";

    [Fact]
    public void The_embedded_onnx_model_is_the_shipped_checkpoint_exported()
    {
        Assert.True(ShippedOnnxModel.IsAvailable, $"EmotionNet.OnnxRuntime has no resource '{ShippedOnnxModel.ResourceName}': checkpoints/{ShippedOnnxModel.FileName} was not embedded.");
        var checkpoint = ShippedModel.Load();
        byte[] reexported;
        using (var model = checkpoint.CreateModel(ShippedModel.SourceName)) reexported = OnnxExporter.ToBytes(model, checkpoint.Metadata);

        // The same graph (nodes, weights) and metadata; only the producer version, the exporting build's, may differ.
        var committed = ModelProto.Parser.ParseFrom(ShippedOnnxModel.Read());
        var fresh = ModelProto.Parser.ParseFrom(reexported);
        output.WriteLine($"committed: producer {committed.ProducerVersion}; this build: {fresh.ProducerVersion}");
        committed.ProducerVersion = fresh.ProducerVersion = "";
        Assert.True(committed.Equals(fresh), Regenerate);

        // And the same probabilities on every sample face, at batch 1 and for all faces at once.
        using var shipped = OnnxEmotionClassifier.LoadShipped();
        using var again = OnnxEmotionClassifier.Load(reexported, "re-exported");
        Assert.Equal(ShippedOnnxModel.SourceName, "shipped model emotionnet-fer7.onnx");
        Assert.Equal(checkpoint.Classes.ClassNames, shipped.Classes.ClassNames);
        var count = TestModels.Sample.Value.Training.Count;
        var faces = TestModels.Clips(count, 1);
        Assert.Equal(again.Predict(faces, count), shipped.Predict(faces, count));
        Assert.Equal(again.Predict(faces.AsSpan(0, 2304), 1), shipped.Predict(faces.AsSpan(0, 2304), 1));
    }
}
