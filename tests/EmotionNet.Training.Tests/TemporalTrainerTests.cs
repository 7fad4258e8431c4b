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
        Device = DeviceKind.Cpu,
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
        var result = new TemporalTrainer(Fast).Fit(Initial(), data, folder.Path);

        Assert.Equal(3, result.Epochs.Count);
        Assert.True(File.Exists(result.BestCheckpoint) && File.Exists(result.LastCheckpoint));
        var log = File.ReadAllLines(new RunFiles(folder.Path).EpochLog);
        Assert.Equal(4, log.Length);
        Assert.EndsWith("," + TemporalTrainer.CorruptedFrameAccuracy, log[0], StringComparison.Ordinal);
        Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss, $"loss {result.Epochs[0].TrainLoss} -> {result.Epochs[^1].TrainLoss}");
        Assert.All(result.Epochs, e => Assert.InRange(e.ValidationAccuracy, 0, 1));
        Assert.All(result.Epochs, e => Assert.True(double.IsFinite(e.ValidationLoss) && double.IsFinite(e.ValidationMacroF1) && e.LearningRate >= 0));

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
        var result = new TemporalTrainer(Fast with { Epochs = 1 }).Fit(initial, SyntheticFaces.Splits(32, 7, 7), folder.Path);
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
        new TemporalTrainer(Fast).Fit(initial, data, whole.Path);

        // Stop after epoch 2's first batch (of 2): the run saves its place inside the epoch, as the clip trainer does.
        using var stop = new CancellationTokenSource();
        var progress = new SyncProgress<TrainingEvent>(e => { if (e is TrainingEvent.Progress { Value: { Phase: "train", Epoch: 2, Batch: 1 } }) stop.Cancel(); });
        var stopped = new TemporalTrainer(Fast, progress).Fit(initial, data, split.Path, cancellationToken: stop.Token);
        Assert.True(stopped.Cancelled);
        var last = Checkpoint.Load(Path.Combine(split.Path, "last.ckpt"));
        Assert.Equal(1, last.Metadata.Temporal!.Epochs);
        Assert.Equal(3, last.Metadata.Step);

        var resumed = new TemporalTrainer(Fast).Fit(initial, data, split.Path, resume: true);
        Assert.False(resumed.Cancelled);
        Assert.Equal([1, 2, 3], resumed.Epochs.Select(e => e.Epoch));
        AssertSameWeights(Path.Combine(whole.Path, "last.ckpt"), Path.Combine(split.Path, "last.ckpt"));
    }

    [Fact, Trait("Category", "Slow")]
    public void A_run_extended_by_resume_keeps_its_past_rates_and_resumes_exactly_again()
    {
        using var plain = new TempFolder();
        using var whole = new TempFolder();
        using var split = new TempFolder();
        var data = SyntheticFaces.Splits(32, 7, 7);
        var initial = Initial();
        var two = Fast with { Epochs = 2 };
        var planned = new TemporalTrainer(two).Fit(initial, data, plain.Path);
        foreach (var folder in new[] { whole.Path, split.Path })
        {
            // Stopped after epoch 1 of 2 (cancelled during its last batch), then resumed for 4 epochs.
            using var stop = new CancellationTokenSource();
            var progress = new SyncProgress<TrainingEvent>(e => { if (e is TrainingEvent.Progress { Value: { Phase: "train", Epoch: 1, Batch: 2 } }) stop.Cancel(); });
            Assert.True(new TemporalTrainer(two, progress).Fit(initial, data, folder, cancellationToken: stop.Token).Cancelled);
        }

        var extended = new TemporalTrainer(Fast with { Epochs = 4 }).Fit(initial, data, whole.Path, resume: true);
        // The epoch run on the original plan keeps its rate; the extension decays on from where the plan was, to 0 at the new end.
        Assert.Equal(planned.Epochs[0].LearningRate, extended.Epochs[0].LearningRate);
        Assert.True(extended.Epochs[1].LearningRate > extended.Epochs[2].LearningRate && extended.Epochs[2].LearningRate > extended.Epochs[3].LearningRate);
        Assert.Equal(0, extended.Epochs[3].LearningRate);

        // Interrupted inside the extension and resumed without asking for epochs again: the same weights.
        using var again = new CancellationTokenSource();
        var midway = new SyncProgress<TrainingEvent>(e => { if (e is TrainingEvent.Progress { Value: { Phase: "train", Epoch: 3, Batch: 1 } }) again.Cancel(); });
        Assert.True(new TemporalTrainer(Fast with { Epochs = 4 }, midway).Fit(initial, data, split.Path, resume: true, again.Token).Cancelled);
        Assert.Equal(4, new TemporalTrainer(Fast with { Epochs = 1 }).Fit(initial, data, split.Path, resume: true).Epochs.Count);
        AssertSameWeights(Path.Combine(whole.Path, "last.ckpt"), Path.Combine(split.Path, "last.ckpt"));
    }

    private static void AssertSameWeights(string a, string b)
    {
        using var ma = Checkpoint.Load(a).CreateModel("whole");
        using var mb = Checkpoint.Load(b).CreateModel("resumed");
        var sa = ma.state_dict();
        var sb = mb.state_dict();
        Assert.All(sa.Keys, k => Assert.True(sa[k].allclose(sb[k], 0, 0), k));
    }

    [Fact]
    public void The_feature_bank_is_kept_for_the_same_encoder_and_rebuilt_for_another()
    {
        using var folder = new TempFolder();
        var data = SyntheticFaces.Splits(16, 4, 4);
        var bank = Path.Combine(folder.Path, TemporalTrainer.TrainingBank);
        new TemporalTrainer(Fast with { Epochs = 1 }).Fit(Initial(), data, folder.Path);
        var first = File.ReadAllBytes(bank);
        // A time no run writes: a rewrite shows however soon it comes (no clock's resolution hides it).
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(bank, stamp);
        new TemporalTrainer(Fast with { Epochs = 1 }).Fit(Initial(), data, Path.Combine(folder.Path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(bank)); // read back, not rewritten

        new TemporalTrainer(Fast with { Epochs = 1 }).Fit(Initial(seed: 5), data, folder.Path);
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
        var e = Assert.Throws<EmotionNetException>(() => new TemporalTrainer(Fast).Fit(bidirectional, SyntheticFaces.Splits(8, 2, 2), folder.Path));
        Assert.Contains("bidirectional", e.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<NothingToResumeException>(() => new TemporalTrainer(Fast).Fit(Initial(), SyntheticFaces.Splits(8, 2, 2), folder.Path, resume: true));
        Assert.Contains("last.ckpt", missing.Message, StringComparison.Ordinal);
        var o = Assert.Throws<OptionsException>(() => new TemporalTrainer(Fast with { PosesPerFace = 0 }));
        Assert.Contains("PosesPerFace", o.Message, StringComparison.Ordinal);
    }
}
