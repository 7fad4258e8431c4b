using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Core.Options;
using EmotionNet.Core.Runtime;
using EmotionNet.TestSupport;
using EmotionNet.Torch;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Augmentation.Temporal;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Temporal;
using static TorchSharp.torch;

namespace EmotionNet.Training.Tests;

[Collection(TorchRandomGroup.Name)]
public class TemporalTrainerTests
{
    private static readonly TemporalTrainingOptions Fast = new()
    {
        Clips = TemporalClipOptions.Default with { Length = 12, MinSegmentFrames = 4 },
        PosesPerFace = 2,
        Epochs = 3,
        BatchSize = 16,
        LearningRate = 3e-3,
        ValidationClips = 20,
    };

    private static Checkpoint Initial(int seed = 4)
    {
        NativeRuntime.EnsureTorch();
        random.manual_seed(seed);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8, 16], LstmHidden = 12 });
        return Checkpoint.Capture(model, new CheckpointMetadata { Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1 });
    }

    [Fact]
    public void Training_writes_streaming_checkpoints_and_a_log_and_learns()
    {
        using var folder = new TempFolder();
        var data = SyntheticFaces.Splits(48, 14, 14);
        var result = new TemporalTrainer(Fast).Fit(Initial(), data, folder.Path, DeviceKind.Cpu);

        Assert.Equal(3, result.History.Count);
        Assert.True(File.Exists(result.BestCheckpoint) && File.Exists(result.LastCheckpoint));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(folder.Path, TemporalTrainer.EpochLog)).Length);
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss, $"loss {result.History[0].TrainLoss} -> {result.History[^1].TrainLoss}");
        Assert.All(result.History, e => Assert.InRange(e.ValidationAccuracy, 0, 1));

        var best = Checkpoint.Load(result.BestCheckpoint);
        Assert.Equal(12, best.Metadata.Temporal!.ClipLength);
        Assert.False(best.HasOptimizerState);
        Assert.True(Checkpoint.Load(result.LastCheckpoint).HasOptimizerState);
        using var classifier = EmotionClassifier.Load(result.BestCheckpoint, DeviceKind.Cpu);
        Assert.True(classifier.TrainedForStreaming);
    }

    [Fact]
    public void The_encoder_is_left_as_it_was()
    {
        using var folder = new TempFolder();
        var initial = Initial();
        var result = new TemporalTrainer(Fast with { Epochs = 1 }).Fit(initial, SyntheticFaces.Splits(32, 7, 7), folder.Path, DeviceKind.Cpu);
        using var before = initial.CreateModel("initial");
        using var after = Checkpoint.Load(result.LastCheckpoint).CreateModel("trained");
        var a = before.state_dict();
        var b = after.state_dict();
        Assert.All(a.Keys.Where(k => k.StartsWith("encoder.", StringComparison.Ordinal)), k => Assert.True(a[k].allclose(b[k], 0, 0), k));
        Assert.Contains(a.Keys.Where(k => k.StartsWith("lstm.", StringComparison.Ordinal)), k => !a[k].allclose(b[k], 0, 0));
    }

    [Fact, Trait("Category", "Slow")]
    public void Resuming_an_interrupted_run_gives_exactly_the_weights_of_an_uninterrupted_one()
    {
        using var whole = new TempFolder();
        using var split = new TempFolder();
        var data = SyntheticFaces.Splits(32, 7, 7);
        var initial = Initial();
        new TemporalTrainer(Fast).Fit(initial, data, whole.Path, DeviceKind.Cpu);

        // Stop during epoch 2's last batch: the trainer finishes that epoch's checkpoint, then stops at epoch 3's first batch.
        using var stop = new CancellationTokenSource();
        var progress = new SyncProgress<TemporalProgress>(p => { if (p is { Phase: "train", Epoch: 2 } && p.Done == p.Total) stop.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => new TemporalTrainer(Fast).Fit(initial, data, split.Path, DeviceKind.Cpu, progress: progress, cancellation: stop.Token));
        Assert.Equal(2, Checkpoint.Load(Path.Combine(split.Path, TemporalTrainer.LastCheckpoint)).Metadata.Temporal!.Epochs);

        var resumed = new TemporalTrainer(Fast).Fit(initial, data, split.Path, DeviceKind.Cpu, resume: true);
        Assert.Equal([1, 2, 3], resumed.History.Select(e => e.Epoch));
        using var a = Checkpoint.Load(Path.Combine(whole.Path, TemporalTrainer.LastCheckpoint)).CreateModel("whole");
        using var b = Checkpoint.Load(Path.Combine(split.Path, TemporalTrainer.LastCheckpoint)).CreateModel("resumed");
        var sa = a.state_dict();
        var sb = b.state_dict();
        Assert.All(sa.Keys, k => Assert.True(sa[k].allclose(sb[k], 0, 0), k));
    }

    [Fact]
    public void The_feature_bank_is_kept_for_the_same_encoder_and_rebuilt_for_another()
    {
        using var folder = new TempFolder();
        var data = SyntheticFaces.Splits(16, 4, 4);
        var bank = Path.Combine(folder.Path, TemporalTrainer.TrainingBank);
        new TemporalTrainer(Fast with { Epochs = 1 }).Fit(Initial(), data, folder.Path, DeviceKind.Cpu);
        var first = File.ReadAllBytes(bank);
        // A time no run writes: a rewrite shows however soon it comes (no clock's resolution hides it).
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(bank, stamp);
        new TemporalTrainer(Fast with { Epochs = 1 }).Fit(Initial(), data, Path.Combine(folder.Path), DeviceKind.Cpu);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(bank)); // read back, not rewritten

        new TemporalTrainer(Fast with { Epochs = 1 }).Fit(Initial(seed: 5), data, folder.Path, DeviceKind.Cpu);
        Assert.NotEqual(first, File.ReadAllBytes(bank));
        Assert.Equal(first.Length, new FileInfo(bank).Length);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [Fact]
    public void A_bidirectional_model_and_bad_options_are_refused_with_clear_messages()
    {
        NativeRuntime.EnsureTorch();
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8], LstmHidden = 6, Bidirectional = true });
        var bidirectional = Checkpoint.Capture(model, new CheckpointMetadata { Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1 });
        using var folder = new TempFolder();
        var e = Assert.Throws<EmotionNetException>(() => new TemporalTrainer(Fast).Fit(bidirectional, SyntheticFaces.Splits(8, 2, 2), folder.Path, DeviceKind.Cpu));
        Assert.Contains("bidirectional", e.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<NothingToResumeException>(() => new TemporalTrainer(Fast).Fit(Initial(), SyntheticFaces.Splits(8, 2, 2), folder.Path, DeviceKind.Cpu, resume: true));
        Assert.Contains("last.ckpt", missing.Message, StringComparison.Ordinal);
        var o = Assert.Throws<OptionsException>(() => new TemporalTrainer(Fast with { PosesPerFace = 0 }));
        Assert.Contains("PosesPerFace", o.Message, StringComparison.Ordinal);
    }
}
