using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.TestSupport;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using static TorchSharp.torch;

namespace EmotionNet.Torch.Tests.Checkpoints;

[Collection(TorchRandomGroup.Name)]
public sealed class CheckpointTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-ckpt-").FullName;
    private static readonly ModelConfig Small = new() { ConvWidths = [8, 16], LstmHidden = 12 };

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string SaveSmall(string name = "model.ckpt", ModelConfig? config = null)
    {
        random.manual_seed(7);
        using var model = new EmotionNetModel(config ?? Small);
        var path = Path.Combine(dir, name);
        Checkpoint.Capture(model, new CheckpointMetadata { Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 2, Epoch = 3 }).Save(path);
        return path;
    }

    [Fact]
    public void Round_trip_gives_identical_logits()
    {
        random.manual_seed(3);
        using var model = new EmotionNetModel(Small);
        model.eval();
        var path = Path.Combine(dir, "a.ckpt");
        Checkpoint.Capture(model, new CheckpointMetadata { Model = Small, ClassSet = "seed6", Normalization = new InputNormalization { Mean = 0.4f, Std = 0.3f }, SequenceLength = 2, Epoch = 5 }).Save(path);

        var loaded = Checkpoint.Load(path);
        using var copy = loaded.CreateModel(path);
        copy.eval();
        using var x = randn([2, 2, 1, 48, 48]);
        using var a = model.call(x);
        using var b = copy.call(x);
        Assert.True(a.eq(b).all().item<bool>());
        Assert.Equal("seed6", loaded.Classes.Name);
        Assert.Equal(5, loaded.Metadata.Epoch);
        Assert.Equal(new InputNormalization { Mean = 0.4f, Std = 0.3f }, loaded.Metadata.Normalization);
        Assert.Equal(Small.ConvWidths, loaded.Metadata.Model.ConvWidths);
        Assert.False(loaded.HasOptimizerState);
    }

    [Fact]
    public void WithNormalization_changes_only_the_normalization_and_survives_a_save()
    {
        var path = SaveSmall();
        var original = Checkpoint.Load(path);

        var stretched = original.WithNormalization(original.Metadata.Normalization with { StretchContrast = true });
        stretched.Save(Path.Combine(dir, "stretched.ckpt"));
        var reloaded = Checkpoint.Load(Path.Combine(dir, "stretched.ckpt"));

        Assert.False(original.Metadata.Normalization.StretchContrast);
        Assert.Equal(new InputNormalization { StretchContrast = true }, reloaded.Metadata.Normalization);
        Assert.Equal((original.Classes.Name, original.Metadata.SequenceLength, original.Metadata.Epoch), (reloaded.Classes.Name, reloaded.Metadata.SequenceLength, reloaded.Metadata.Epoch));
        using var a = original.CreateModel(path);
        using var b = reloaded.CreateModel("stretched.ckpt");
        Assert.All(a.state_dict(), kv => Assert.True(kv.Value.eq(b.state_dict()[kv.Key]).all().item<bool>(), kv.Key));
    }

    [Fact]
    public void Truncated_checkpoint_is_reported_as_truncated()
    {
        var path = SaveSmall();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path));
        Assert.Contains("truncated", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Corrupt_byte_is_caught_by_the_hash()
    {
        var path = SaveSmall();
        var bytes = File.ReadAllBytes(path);
        bytes[^100] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path));
        Assert.Contains("corrupt", e.Message);
    }

    [Fact]
    public void Other_format_version_is_refused_with_both_versions_named()
    {
        var path = SaveSmall();
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes(99).CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path));
        Assert.Contains("version 99", e.Message);
        Assert.Contains($"versions {Checkpoint.OldestFormatVersion} to {Checkpoint.FormatVersion}", e.Message);
    }

    [Fact]
    public void A_version_1_checkpoint_still_loads_without_a_weight_average()
    {
        // The committed temporal model was written by an earlier build in format version 1 (three blocks, no
        // averaged state); it stays committed as it was, so this reads a real version-1 file, not one made here.
        var path = Repository.Path("checkpoints/emotionnet-fer7-temporal.ckpt");
        using (var stream = File.OpenRead(path))
        {
            var header = new byte[12];
            stream.ReadExactly(header);
            Assert.Equal(1, BitConverter.ToInt32(header, 8));
        }
        var old = Checkpoint.Load(path);
        Assert.False(old.HasAveragedState);
        using var model = old.CreateModel("temporal");
        Assert.Throws<CheckpointException>(() => old.CreateAveragedModel("temporal"));
    }

    [Fact]
    public void Not_a_checkpoint_and_missing_file_are_clear()
    {
        var text = Path.Combine(dir, "notes.ckpt");
        File.WriteAllText(text, "hello, this is not a model");
        Assert.Contains("not an EmotionNet checkpoint", Assert.Throws<CheckpointException>(() => Checkpoint.Load(text)).Message);
        Assert.Contains("does not exist", Assert.Throws<CheckpointException>(() => Checkpoint.Load(Path.Combine(dir, "none.ckpt"))).Message);
    }

    [Fact]
    public void Wrong_tensor_shape_names_the_tensor()
    {
        // A checkpoint whose weights are 16-wide but whose metadata claims an 8-wide LSTM.
        random.manual_seed(1);
        using var model = new EmotionNetModel(Small with { LstmHidden = 16 });
        var path = Path.Combine(dir, "shape.ckpt");
        Checkpoint.Capture(model, new CheckpointMetadata { Model = Small, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1 }).Save(path);
        // Capture records the model's own config; rewrite the metadata to lie about the LSTM size.
        RewriteMetadata(path, json => json.Replace("\"lstmHidden\": 16", "\"lstmHidden\": 8", StringComparison.Ordinal));

        var loaded = Checkpoint.Load(path);
        var e = Assert.Throws<CheckpointException>(() => loaded.CreateModel(path));
        Assert.Contains("lstm.weight_ih_l0", e.Message);
        Assert.Contains("shape", e.Message);
    }

    [Fact]
    public void Save_replaces_atomically_and_leaves_no_temporary_files()
    {
        var path = SaveSmall();
        SaveSmall();
        Assert.Single(Directory.GetFiles(dir));
        Assert.NotNull(Checkpoint.Load(path));
    }

    // Rewrites the JSON block and re-signs the file, as a tool (or an older version) would have written it.
    private static void RewriteMetadata(string path, Func<string, string> edit)
    {
        var file = File.ReadAllBytes(path);
        using var r = new BinaryReader(new MemoryStream(file, 52, file.Length - 52));
        var json = System.Text.Encoding.UTF8.GetString(r.ReadBytes((int)r.ReadInt64()));
        var rest = r.ReadBytes(file.Length - 52 - 8 - System.Text.Encoding.UTF8.GetByteCount(json));
        var newJson = System.Text.Encoding.UTF8.GetBytes(edit(json));
        Assert.NotEqual(json, edit(json));
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write((long)newJson.Length);
            w.Write(newJson);
            w.Write(rest);
        }
        var bytes = payload.ToArray();
        using var output = new BinaryWriter(File.Create(path));
        output.Write(file.AsSpan(0, 12));
        output.Write((long)bytes.Length);
        output.Write(System.Security.Cryptography.SHA256.HashData(bytes));
        output.Write(bytes);
    }
}
