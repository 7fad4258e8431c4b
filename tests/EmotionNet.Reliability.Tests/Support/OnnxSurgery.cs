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
}
