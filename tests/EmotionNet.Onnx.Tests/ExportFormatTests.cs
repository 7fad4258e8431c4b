using EmotionNet.Core.Models;
using EmotionNet.Onnx.Graph;
using EmotionNet.Onnx.Proto;
using EmotionNet.TestSupport;
using EmotionNet.Torch.Checkpoints;

namespace EmotionNet.Onnx.Tests;

/// <summary>The exported file's contract: its input, output, opset and metadata (docs/onnx.md).</summary>
public sealed class ExportFormatTests
{
    [Fact]
    public void Shipped_model_exports_with_dynamic_batch_and_frames_and_its_metadata()
    {
        using var temp = new TempFolder();
        var path = temp.File("out/model.onnx");
        OnnxExporter.Export(ShippedModel.Load(), ShippedModel.SourceName, path);
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));

        Assert.Equal(17, model.OpsetImport.Single().Version);
        var input = model.Graph.Input.Single();
        Assert.Equal("faces", input.Name);
        Assert.Equal(["batch", "frames", "", "", ""], input.Type.TensorType.Shape.Dim.Select(d => d.DimParam));
        Assert.Equal([0L, 0, 1, 48, 48], input.Type.TensorType.Shape.Dim.Select(d => d.DimValue));
        Assert.Equal("probabilities", model.Graph.Output.Single().Name);
        var metadata = model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("Angry,Disgust,Fear,Happy,Sad,Surprise,Neutral", metadata[OnnxMetadataKeys.Classes]);
        Assert.Equal("fer7", metadata[OnnxMetadataKeys.ClassSet]);
        Assert.Equal("1", metadata[OnnxMetadataKeys.SequenceLength]);
        Assert.Equal("0.5", metadata[OnnxMetadataKeys.NormalizationMean]);
        Assert.Equal("0.25", metadata[OnnxMetadataKeys.NormalizationStd]);
        // BatchNorm is folded: one Conv per convolution, no BatchNormalization node; one LSTM node.
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "BatchNormalization");
        Assert.Equal(8, model.Graph.Node.Count(n => n.OpType == "Conv"));
        Assert.Single(model.Graph.Node, n => n.OpType == "LSTM");
        Assert.Empty(Directory.GetFiles(temp.File("out"), ".*"));
    }

    [Fact]
    public void Lstm_gates_go_from_PyTorch_ifgo_to_ONNX_iofc()
    {
        // Four gate blocks of hidden 2, rows of length 1: block k holds the value k.
        float[] torch = [0, 0, 1, 1, 2, 2, 3, 3];
        Assert.Equal([0f, 0, 3, 3, 1, 1, 2, 2], LstmGates.ToOnnxOrder(torch, hidden: 2, rowLength: 1));
    }
}
