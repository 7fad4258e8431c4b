namespace EmotionNet.Cli.Commands;

/// <summary>Tells an EmotionNet checkpoint from an ONNX model, so --checkpoint takes either.</summary>
internal static class ModelFiles
{
    private static readonly byte[] CheckpointMagic = "EMONETCK"u8.ToArray();

    /// <summary>
    /// True for an ONNX model: a file without the checkpoint header that is named *.onnx or starts as
    /// every ONNX file does (protobuf field 1, ir_version, tag 0x08). Anything else goes to the checkpoint
    /// reader, whose messages say what is wrong with a file meant as a checkpoint.
    /// </summary>
    public static bool IsOnnx(string path)
    {
        Span<byte> head = stackalloc byte[8];
        int read;
        try
        {
            using var file = File.OpenRead(path);
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable: decide by name; the loader then reports the file.
            return path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase);
        }
        if (read == head.Length && head.SequenceEqual(CheckpointMagic)) return false;
        return path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || (read > 0 && head[0] == 0x08);
    }
}
