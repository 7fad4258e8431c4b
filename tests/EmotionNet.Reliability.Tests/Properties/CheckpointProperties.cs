using CsCheck;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Reliability.Tests.Support;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using static TorchSharp.torch;

namespace EmotionNet.Reliability.Tests.Properties;

/// <summary>Property tests of the checkpoint loader: any change to a valid file is a CheckpointException; valid files round-trip.</summary>
[Collection(TorchRandomGroup.Name)]
public sealed class CheckpointProperties
{
    [Fact]
    public void Any_flipped_or_cut_byte_of_a_valid_checkpoint_is_a_CheckpointException()
    {
        var valid = CorpusFiles.TinyBytes;
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte[1, 255], Gen.Bool).Sample((position, mask, cut) =>
        {
            byte[] damaged;
            if (cut)
            {
                damaged = valid[..position];
            }
            else
            {
                damaged = (byte[])valid.Clone();
                damaged[position] ^= mask;
            }
            var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(new MemoryStream(damaged), "damaged.ckpt"));
            Assert.Contains("damaged.ckpt", e.Message, StringComparison.Ordinal);
        }, iter: 2000, threads: 1);
    }

    [Fact]
    public void Damaged_payloads_under_a_valid_hash_load_or_throw_CheckpointException()
    {
        // The hash stops damage at the door; re-hashing lets the damage reach the metadata and weights parsers.
        var (json, model, optimizer) = CheckpointSurgery.Split(CorpusFiles.TinyBytes);
        var payload = CheckpointSurgery.Payload(System.Text.Encoding.UTF8.GetBytes(json), model, optimizer);
        Gen.Select(Gen.Int[0, payload.Length - 1], Gen.Byte.Array[1, 8], Gen.Int[0, 2]).Sample((position, bytes, kind) =>
        {
            var damaged = (byte[])payload.Clone();
            if (kind == 2) damaged = damaged[..position];
            else for (var i = 0; i < bytes.Length && position + i < damaged.Length; i++) damaged[position + i] = kind == 0 ? (byte)(damaged[position + i] ^ bytes[i]) : bytes[i];
            try
            {
                var loaded = Checkpoint.Load(new MemoryStream(CheckpointSurgery.WithHeader(damaged)), "rehashed.ckpt");
                var m = loaded.Metadata.Model;
                // Only small architectures are built: a damaged width of 10^9 is a question for the allocator, not the parser.
                if (m.ConvWidths.All(w => w <= 64) && m.LstmHidden <= 64 && m.LstmLayers <= 2 && m.ConvsPerBlock <= 2 && m.NumClasses <= 16)
                    loaded.CreateModel("rehashed.ckpt").Dispose();
            }
            catch (CheckpointException e)
            {
                Assert.Contains("rehashed.ckpt", e.Message, StringComparison.Ordinal);
            }
        }, iter: 600, threads: 1);
    }

    [Fact]
    public void Valid_checkpoints_round_trip_metadata_and_weights()
    {
        var dir = Directory.CreateTempSubdirectory("emotionnet-ckpt-prop-").FullName;
        try
        {
            Gen.Select(Gen.Int[1, 3], Gen.Int[1, 6], Gen.Int[1, 2], Gen.Bool, Gen.Int[0, 1000], Gen.Int[1, 8], Gen.Double[0, 1]).Sample((blocks, hidden, layers, seed6, epoch, seqLen, accuracy) =>
            {
                var classes = seed6 ? ClassSet.Seed6 : ClassSet.Fer7;
                random.manual_seed(epoch);
                using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [.. Enumerable.Repeat(2, blocks)], ConvsPerBlock = 1, LstmHidden = hidden, LstmLayers = layers, NumClasses = classes.Count });
                model.eval();
                var metadata = new CheckpointMetadata
                {
                    Model = model.Config, ClassSet = classes.Name, Normalization = InputNormalization.Default, SequenceLength = seqLen,
                    Epoch = epoch, BestValidationAccuracy = accuracy, Metrics = new Dictionary<string, double> { ["val_accuracy"] = accuracy },
                };
                var path = Path.Combine(dir, "round-trip.ckpt");
                Checkpoint.Capture(model, metadata).Save(path);

                var loaded = Checkpoint.Load(path);
                Assert.Equal(epoch, loaded.Metadata.Epoch);
                Assert.Equal(seqLen, loaded.Metadata.SequenceLength);
                Assert.Equal(accuracy, loaded.Metadata.BestValidationAccuracy);
                Assert.Equal(accuracy, loaded.Metadata.Metrics["val_accuracy"]);
                Assert.Equal(classes.Name, loaded.Classes.Name);
                using var copy = loaded.CreateModel(path);
                copy.eval();
                using var x = randn([2, seqLen, 1, 48, 48]);
                using var a = model.call(x);
                using var b = copy.call(x);
                Assert.True(a.eq(b).all().item<bool>());
            }, iter: 25, threads: 1);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
