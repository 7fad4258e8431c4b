namespace EmotionNet.Fuzz;

/// <summary>
/// Rewrites an ONNX ModelProto's metadata_props (field 14, repeated StringStringEntryProto {key = 1,
/// value = 2}) at the protobuf wire level: the other top-level fields are copied byte for byte.
/// </summary>
internal static class OnnxMetadata
{
    private const int MetadataProps = 14;

    /// <summary><paramref name="model"/> with its metadata replaced by the <c>key=value</c> lines of <paramref name="lines"/> (raw bytes, not checked).</summary>
    public static byte[] Replace(byte[] model, byte[] lines)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (position < model.Length)
        {
            var start = position;
            var tag = Varint(model, ref position);
            var field = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0: Varint(model, ref position); break;
                case 1: position += 8; break;
                case 2:
                    var length = (int)Varint(model, ref position);
                    position += length;
                    break;
                case 5: position += 4; break;
                default: throw new InvalidDataException("The base model is not protobuf.");
            }
            if (field != MetadataProps) output.Write(model, start, position - start);
        }
        foreach (var line in Split(lines, (byte)'\n'))
        {
            var equals = Array.IndexOf(line, (byte)'=');
            var key = equals < 0 ? line : line[..equals];
            var value = equals < 0 ? [] : line[(equals + 1)..];
            using var entry = new MemoryStream();
            Bytes(entry, 1, key);
            Bytes(entry, 2, value);
            Bytes(output, MetadataProps, entry.ToArray());
        }
        return output.ToArray();
    }

    private static IEnumerable<byte[]> Split(byte[] bytes, byte separator)
    {
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != separator) continue;
            if (i > start) yield return bytes[start..i];
            start = i + 1;
        }
    }

    private static ulong Varint(byte[] bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; position < bytes.Length && shift < 64; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) break;
        }
        return value;
    }

    private static void Bytes(Stream output, int field, byte[] value)
    {
        WriteVarint(output, (ulong)(field << 3 | 2));
        WriteVarint(output, (ulong)value.Length);
        output.Write(value);
    }

    private static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        output.WriteByte((byte)value);
    }
}
