using System.Security.Cryptography;
using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Torch.Checkpoints;

namespace EmotionNet.Fuzz;

/// <summary>
/// The fuzz targets. Each feeds the input to a reader and swallows only the documented exceptions
/// (<see cref="DataFormatException"/>, <see cref="CheckpointException"/>, <see cref="EmotionNetException"/>
/// for the batch, ONNX and image targets in their own files); anything else escapes,
/// which SharpFuzz reports to AFL++ as a crash.
/// </summary>
internal static class Targets
{
    public static IReadOnlyDictionary<string, Action<Stream>> All { get; } = new Dictionary<string, Action<Stream>>
    {
        ["csv"] = Csv,
        ["checkpoint"] = CheckpointBytes,
        ["manifest"] = ManifestTarget.Run,
        ["onnx"] = OnnxTarget.Run,
        ["merge"] = MergeTarget.Run,
        ["image"] = ImageTarget.Run,
    };

    // No EmotionNet code may run before SharpFuzz's loop starts (its instrumentation needs AFL's shared
    // memory), so nothing here is static: the options are made inside the target.
    private static void Csv(Stream input)
    {
        var bytes = ReadAll(input);
        foreach (var options in new[] { new DataLoadOptions { Classes = ClassSet.Fer7 }, new DataLoadOptions { Classes = ClassSet.Seed6, SkipInvalid = true } })
        {
            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                _ = Fer2013Reader.Read(stream, "fuzz.csv", options);
            }
            catch (DataFormatException)
            {
            }
        }
    }

    /// <summary>
    /// Loads the input as a checkpoint file, then as a payload under a valid header and hash: mutations
    /// rarely survive SHA-256, so the second form is what reaches the metadata and weights parsers.
    /// </summary>
    private static void CheckpointBytes(Stream input)
    {
        var bytes = ReadAll(input);
        Load(bytes);
        Load(WithValidHeader(bytes));
    }

    private static void Load(byte[] file)
    {
        try
        {
            var checkpoint = Checkpoint.Load(new MemoryStream(file), "fuzz.ckpt");
            // Building the model allocates what the metadata describes; keep to small models so the
            // fuzzer spends its time on parsing, not on allocating a 64-layer LSTM.
            var m = checkpoint.Metadata.Model;
            if (m.ConvWidths.Sum() <= 256 && m.ConvWidths.Count <= 5 && m.ConvsPerBlock <= 2 && m.LstmHidden <= 64 && m.LstmLayers <= 2 && m.NumClasses <= 16)
                checkpoint.CreateModel("fuzz.ckpt").Dispose();
        }
        catch (CheckpointException)
        {
        }
    }

    /// <summary>The checkpoint header (magic, version 1, length, SHA-256) in front of <paramref name="payload"/>.</summary>
    public static byte[] WithValidHeader(byte[] payload)
    {
        var file = new byte[52 + payload.Length];
        "EMONETCK"u8.CopyTo(file);
        BitConverter.GetBytes(Checkpoint.FormatVersion).CopyTo(file, 8);
        BitConverter.GetBytes((long)payload.Length).CopyTo(file, 12);
        SHA256.HashData(payload).CopyTo(file, 20);
        payload.CopyTo(file, 52);
        return file;
    }

    public static byte[] ReadAll(Stream input)
    {
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy.ToArray();
    }
}
