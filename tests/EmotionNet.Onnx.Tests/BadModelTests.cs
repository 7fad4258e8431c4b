using EmotionNet.Core.Models;
using EmotionNet.Onnx.Proto;
using EmotionNet.OnnxRuntime;
using EmotionNet.TestSupport;
using EmotionNet.Torch.Checkpoints;
using Google.Protobuf;

namespace EmotionNet.Onnx.Tests;

/// <summary>Files that are not exported EmotionNet models get an <see cref="OnnxModelException"/> naming the file.</summary>
public sealed class BadModelTests : IDisposable
{
    private static readonly Lazy<byte[]> Shipped = new(() =>
    {
        var checkpoint = ShippedModel.Load();
        using var model = checkpoint.CreateModel("test");
        return OnnxExporter.ToBytes(model, checkpoint.Metadata);
    });

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Missing_file() => AssertRefused(temp.File("absent.onnx"), "does not exist", write: null);

    [Fact]
    public void Empty_file() => AssertRefused(temp.File("empty.onnx"), "is empty", []);

    [Fact]
    public void Truncated_file() => AssertRefused(temp.File("truncated.onnx"), "not a readable ONNX model", Shipped.Value.AsSpan(0, Shipped.Value.Length / 2).ToArray());

    [Fact]
    public void Text_file() => AssertRefused(temp.File("notes.onnx"), "not a readable ONNX model", "this is not a model\n"u8.ToArray());

    [Fact]
    public void Damaged_weights_block()
    {
        var bytes = (byte[])Shipped.Value.Clone();
        // Overwrite a stretch of the first protobuf fields (ir_version, opsets, producer): the structure is gone.
        for (var i = 0; i < 64; i++) bytes[i] = 0xFF;
        AssertRefused(temp.File("damaged.onnx"), "not a readable ONNX model", bytes);
    }

    [Fact]
    public void Model_without_class_names()
    {
        var model = ModelProto.Parser.ParseFrom(Shipped.Value);
        var keep = model.MetadataProps.Where(p => p.Key != OnnxMetadataKeys.Classes).ToList();
        model.MetadataProps.Clear();
        model.MetadataProps.AddRange(keep);
        AssertRefused(temp.File("no-classes.onnx"), $"has no '{OnnxMetadataKeys.Classes}'", model.ToByteArray());
    }

    [Fact]
    public void Foreign_model_without_any_EmotionNet_metadata() =>
        AssertRefused(temp.File("identity.onnx"), "not an exported EmotionNet model", Identity([1, 10]).ToByteArray());

    [Fact]
    public void EmotionNet_metadata_on_a_graph_of_another_input_shape()
    {
        var foreign = Identity([1, 3, 224, 224]);
        foreign.MetadataProps.AddRange(ModelProto.Parser.ParseFrom(Shipped.Value).MetadataProps);
        AssertRefused(temp.File("imagenet.onnx"), "an EmotionNet model takes float [batch, frames, 1, 48, 48]", foreign.ToByteArray());
    }

    [Fact]
    public void Unknown_class_set()
    {
        var model = ModelProto.Parser.ParseFrom(Shipped.Value);
        model.MetadataProps.Single(p => p.Key == OnnxMetadataKeys.ClassSet).Value = "fer99";
        AssertRefused(temp.File("fer99.onnx"), "Unknown class set 'fer99'", model.ToByteArray());
    }

    // A valid ONNX model of another kind: faces -> Identity -> probabilities, with its own shape.
    private static ModelProto Identity(long[] shape)
    {
        var graph = new GraphProto { Name = "identity" };
        graph.Input.Add(Graph.GraphBuilder.FloatValue(OnnxMetadataKeys.InputName, shape.Cast<object>().ToArray()));
        graph.Output.Add(Graph.GraphBuilder.FloatValue(OnnxMetadataKeys.OutputName, shape.Cast<object>().ToArray()));
        graph.Node.Add(new NodeProto { OpType = "Identity", Input = { OnnxMetadataKeys.InputName }, Output = { OnnxMetadataKeys.OutputName } });
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Version = 17 });
        return model;
    }

    private static void AssertRefused(string path, string expected, byte[]? write)
    {
        if (write is not null) File.WriteAllBytes(path, write);
        var e = Assert.Throws<OnnxModelException>(() => OnnxEmotionClassifier.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
