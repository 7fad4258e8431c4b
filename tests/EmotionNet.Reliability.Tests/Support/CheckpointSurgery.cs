using System.Security.Cryptography;
using System.Text;
using EmotionNet.Torch.Checkpoints;

namespace EmotionNet.Reliability.Tests.Support;

/// <summary>Takes a checkpoint file apart and puts it back with a valid header, to make files that pass the hash but are wrong inside.</summary>
internal static class CheckpointSurgery
{
    public const int HeaderBytes = 52;

    public static (string Json, byte[] Model, byte[] Optimizer) Split(byte[] file)
    {
        using var r = new BinaryReader(new MemoryStream(file, HeaderBytes, file.Length - HeaderBytes));
        var json = Encoding.UTF8.GetString(r.ReadBytes((int)r.ReadInt64()));
        var model = r.ReadBytes((int)r.ReadInt64());
        var optimizer = r.ReadBytes((int)r.ReadInt64());
        return (json, model, optimizer);
    }

    /// <summary>A current-format file (its weight-average block empty) of the three parts <see cref="Split"/> gives.</summary>
    public static byte[] Join(string json, byte[] model, byte[] optimizer) => WithHeader(Payload(Encoding.UTF8.GetBytes(json), model, optimizer, []));

    public static byte[] Payload(params byte[][] blocks)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
            foreach (var block in blocks)
            {
                w.Write((long)block.Length);
                w.Write(block);
            }
        return payload.ToArray();
    }

    /// <summary>Magic, version, length and SHA-256 in front of <paramref name="payload"/>: the file passes every check before the metadata.</summary>
    public static byte[] WithHeader(byte[] payload, int version = Checkpoint.FormatVersion)
    {
        var file = new byte[HeaderBytes + payload.Length];
        "EMONETCK"u8.CopyTo(file);
        BitConverter.GetBytes(version).CopyTo(file, 8);
        BitConverter.GetBytes((long)payload.Length).CopyTo(file, 12);
        SHA256.HashData(payload).CopyTo(file, 20);
        payload.CopyTo(file, HeaderBytes);
        return file;
    }
}
