using EmotionNet.Core;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Models;
using EmotionNet.Plotting;
using EmotionNet.TestSupport;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Options;
using static TorchSharp.torch;

namespace EmotionNet.Training.Tests;

[Collection(TorchRandomGroup.Name)]
public sealed class TrainerTests : IDisposable
{
    private static readonly ModelConfig Tiny = new() { ConvWidths = [8, 16, 32], LstmHidden = 24, Dropout = 0 };
    private static readonly TrainingOptions Fast = new()
    {
        Epochs = 3, BatchSize = 16, LearningRate = 3e-3, WeightDecay = 0, Threads = 2, Seed = 5, Device = EmotionNet.Core.Runtime.DeviceKind.Cpu,
        Augmentation = new PseudoSequenceOptions(), FlipAveraging = false, LabelSmoothing = 0,
    };

    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-train-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Run(string name) => Path.Combine(dir, name);

    [Fact, Trait("Category", "Slow")]
    public void Overfits_64_clips_to_at_least_95_percent_training_accuracy()
    {
        var data = SyntheticFaces.Splits(64, 14, 14);
        var options = Fast with { Epochs = 25, Augmentation = new PseudoSequenceOptions { MaxShiftPixels = 0, FlipProbability = 0 } };

        var result = new Trainer(Tiny, options).Fit(data, Run("overfit"));

        Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss, "the loss falls");
        Assert.True(result.Splits["Training"].Accuracy >= 0.95, $"training accuracy {result.Splits["Training"].Accuracy:P1}");
    }

    [Fact]
    public void Without_plots_a_run_writes_no_png()
    {
        var data = SyntheticFaces.Splits(32, 7, 7);
        var files = new RunFiles(Run("no-plots"));

        new Trainer(Tiny, Fast).Fit(data, files.Directory);

        Assert.True(File.Exists(files.Metrics));
        Assert.Empty(Directory.GetFiles(files.Directory, "*.png"));
    }

    [Fact, Trait("Category", "Slow")]
    public void Writes_checkpoints_metrics_plots_and_epoch_log()
    {
        var data = SyntheticFaces.Splits(48, 14, 14);
        var files = new RunFiles(Run("outputs"));

        var result = new Trainer(Tiny, Fast with { Epochs = 2, SequenceLength = 3 }, plots: TrainingPlots.Instance).Fit(data, files.Directory);

        foreach (var path in new[] { files.Best, files.Last, files.Metrics, files.ConfusionMatrix, files.ValidationConfusionMatrix, files.Curves, files.EpochLog })
            Assert.True(File.Exists(path), path);
        Assert.Equal(3, File.ReadAllLines(files.EpochLog).Length);   // header + 2 epochs
        var metrics = MetricsReport.Read(files.Metrics);
        Assert.Equal(["Training", "PublicTest", "PrivateTest"], metrics.Splits.Keys);
        Assert.Equal(7, metrics.Splits["PrivateTest"].PerClass.Count);
        Assert.Equal(14, metrics.Splits["PrivateTest"].Confusion.Sum(r => r.Sum()));
        var best = Checkpoint.Load(files.Best);
        Assert.Equal(3, best.Metadata.SequenceLength);
        Assert.False(best.HasOptimizerState);
        Assert.True(Checkpoint.Load(files.Last).HasOptimizerState);
        Assert.Equal(result.BestEpoch, best.Metadata.Epoch);
        Assert.Empty(Directory.GetFiles(files.Directory, "*.tmp*"));
    }

    [Fact, Trait("Category", "Slow")]
    public void Resume_after_an_epoch_matches_an_uninterrupted_run()
    {
        var data = SyntheticFaces.Splits(40, 14, 7);
        var whole = new Trainer(Tiny, Fast).Fit(data, Run("whole"));

        using var cancel = new CancellationTokenSource();
        var stopped = new Trainer(Tiny, Fast, new CancelAfter(cancel, batches: 2)).Fit(data, Run("split"), cancellationToken: cancel.Token);   // 2 batches = epoch 1
        Assert.True(stopped.Cancelled);
        Assert.Single(stopped.Epochs);
        var resumed = new Trainer(Tiny, Fast).Fit(data, Run("split"), resume: true);

        Assert.Equal(whole.Epochs.Select(e => e.TrainLoss), resumed.Epochs.Select(e => e.TrainLoss));
        AssertSameLogits(Path.Combine(Run("whole"), "last.ckpt"), Path.Combine(Run("split"), "last.ckpt"));
    }

    [Fact, Trait("Category", "Slow")]
    public void Cancellation_mid_epoch_saves_and_resume_matches_an_uninterrupted_run()
    {
        var data = SyntheticFaces.Splits(64, 14, 7);
        var options = Fast with { Epochs = 2, Precision = Precision.Bf16 };
        new Trainer(Tiny, options).Fit(data, Run("whole"));

        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(cancel, batches: 6);   // epoch 2, batch 2 of 4
        var stopped = new Trainer(Tiny, options, progress).Fit(data, Run("split"), cancellationToken: cancel.Token);
        Assert.True(stopped.Cancelled);
        Assert.True(File.Exists(Path.Combine(Run("split"), "last.ckpt")));

        var resumed = new Trainer(Tiny, options).Fit(data, Run("split"), resume: true);

        Assert.False(resumed.Cancelled);
        Assert.Equal(2, resumed.Epochs.Count);
        AssertSameLogits(Path.Combine(Run("whole"), "last.ckpt"), Path.Combine(Run("split"), "last.ckpt"));
    }

    [Fact, Trait("Category", "Slow")]
    public void Resume_with_more_epochs_extends_the_plan_and_an_extended_run_resumes_exactly()
    {
        var data = SyntheticFaces.Splits(32, 7, 7);   // 2 batches of 16 per epoch
        var two = Fast with { Epochs = 2, Schedule = ScheduleKind.Cosine, WarmupFraction = 0 };
        var planned = new Trainer(Tiny, two).Fit(data, Run("plan"));
        foreach (var name in new[] { "whole", "split" })
        {
            using var stop = new CancellationTokenSource();
            Assert.True(new Trainer(Tiny, two, new CancelAfter(stop, batches: 2)).Fit(data, Run(name), cancellationToken: stop.Token).Cancelled);   // after epoch 1
        }

        var four = two with { Epochs = 4 };
        var extended = new Trainer(Tiny, four).Fit(data, Run("whole"), resume: true);
        Assert.Equal(planned.Epochs[0].LearningRate, extended.Epochs[0].LearningRate);
        Assert.True(extended.Epochs[1].LearningRate > extended.Epochs[2].LearningRate && extended.Epochs[2].LearningRate > extended.Epochs[3].LearningRate);
        Assert.Equal(0, extended.Epochs[3].LearningRate);

        using var again = new CancellationTokenSource();
        Assert.True(new Trainer(Tiny, four, new CancelAfter(again, batches: 3)).Fit(data, Run("split"), resume: true, again.Token).Cancelled);   // in epoch 3
        var resumed = new Trainer(Tiny, two with { Epochs = 1 }).Fit(data, Run("split"), resume: true);
        Assert.Equal(4, resumed.Epochs.Count);
        Assert.Equal(extended.Epochs.Select(e => e.TrainLoss), resumed.Epochs.Select(e => e.TrainLoss));
        AssertSameLogits(Path.Combine(Run("whole"), "last.ckpt"), Path.Combine(Run("split"), "last.ckpt"));
    }

    [Fact]
    public void Resume_without_a_run_folder_says_what_is_missing()
    {
        var e = Assert.Throws<NothingToResumeException>(() => new Trainer(Tiny, Fast).Fit(SyntheticFaces.Splits(8, 7, 7), Run("nothing"), resume: true));
        Assert.Equal(Path.Combine(Run("nothing"), "last.ckpt"), e.LastCheckpoint);
    }

    [Fact, Trait("Category", "Slow")]
    public void Bf16_mixed_precision_learns_with_fp32_master_weights()
    {
        var data = SyntheticFaces.Splits(64, 14, 14);
        var options = Fast with { Epochs = 12, Precision = Precision.Bf16, Augmentation = new PseudoSequenceOptions { MaxShiftPixels = 0, FlipProbability = 0 } };

        var result = new Trainer(Tiny, options).Fit(data, Run("bf16"));

        Assert.True(result.Splits["Training"].Accuracy >= 0.9, $"training accuracy {result.Splits["Training"].Accuracy:P1}");
        using var model = Checkpoint.Load(result.BestCheckpoint).CreateModel("best");
        Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
    }

    [Fact]
    public void Init_from_refuses_another_architecture()
    {
        var data = SyntheticFaces.Splits(16, 7, 7);
        var first = new Trainer(Tiny, Fast with { Epochs = 1 }).Fit(data, Run("t1"));
        var other = Tiny with { LstmHidden = 8 };

        var e = Assert.Throws<EmotionNetException>(() => new Trainer(other, Fast with { InitialCheckpoint = first.BestCheckpoint }).Fit(data, Run("t2")));
        Assert.Contains("architecture", e.Message);
        Assert.Equal("TrainingOptions.InitialCheckpoint", e.Option);
    }

    private static void AssertSameLogits(string a, string b)
    {
        using var scope = NewDisposeScope();
        using var ma = Checkpoint.Load(a).CreateModel(a);
        using var mb = Checkpoint.Load(b).CreateModel(b);
        ma.eval();
        mb.eval();
        random.manual_seed(11);
        var x = randn([4, 1, 1, 48, 48]);
        Assert.True(ma.call(x).allclose(mb.call(x), rtol: 1e-5, atol: 1e-6), "identical weights after resume");
    }

    private sealed class CancelAfter(CancellationTokenSource source, int batches) : IProgress<TrainingEvent>
    {
        private int seen;

        public void Report(TrainingEvent value)
        {
            if (value is TrainingEvent.Progress { Value.Phase: "train" } && ++seen == batches) source.Cancel();
        }
    }
}
