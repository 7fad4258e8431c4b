using EmotionNet.Onnx.Proto;
using Google.Protobuf;

namespace EmotionNet.Reliability.Tests.Support;

/// <summary>Edits an exported model with the exporter's own protobuf classes: its metadata, its input's name or shape.</summary>
internal static class OnnxSurgery
{
    /// <summary><paramref name="model"/> after <paramref name="edit"/>.</summary>
    public static byte[] Edit(byte[] model, Action<ModelProto> edit)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        edit(proto);
        return proto.ToByteArray();
    }

    /// <summary>Sets (or, with null, removes) metadata entry <paramref name="key"/>.</summary>
    public static byte[] WithMetadata(byte[] model, string key, string? value) => Edit(model, m =>
    {
        var entry = m.MetadataProps.FirstOrDefault(p => p.Key == key);
        if (entry is not null) m.MetadataProps.Remove(entry);
        if (value is not null) m.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
    });

    /// <summary>A valid one-node model (input [1, 3, ?, ?] through Relu): ONNX that OpenCV imports, but no face detector.</summary>
    public static byte[] ReluModel()
    {
        var graph = new GraphProto { Name = "relu" };
        graph.Input.Add(Onnx.Graph.GraphBuilder.FloatValue("input", 1, 3, "height", "width"));
        graph.Output.Add(Onnx.Graph.GraphBuilder.FloatValue("output", 1, 3, "height", "width"));
        graph.Node.Add(new NodeProto { OpType = "Relu", Name = "relu", Input = { "input" }, Output = { "output" } });
        var model = new ModelProto { IrVersion = 8, ProducerName = "EmotionNet corpus", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        return model.ToByteArray();
    }
}
