using static TorchSharp.torch;
using EmotionNet.TestSupport;
using EmotionNet.Core;
using EmotionNet.Core.Data;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Torch;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Options;

namespace EmotionNet.Training.Tests;

/// <summary>The training options for real-photo generalization: weight average, logit adjustment, distillation, contrast stretch.</summary>
[Collection(TorchRandomGroup.Name)]
public sealed class GeneralizationTrainingTests : IDisposable
{
    private static readonly ModelConfig Tiny = new() { ConvWidths = [8, 16, 32], LstmHidden = 24, Dropout = 0 };
    private static readonly TrainingOptions Fast = new()
    {
        Epochs = 2, BatchSize = 16, LearningRate = 3e-3, WeightDecay = 0, Threads = 2, Seed = 5, Device = EmotionNet.Core.Runtime.DeviceKind.Cpu,
        Augmentation = PseudoSequenceOptions.RealPhotos, FlipAveraging = false, LabelSmoothing = 0,
    };

    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-general-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Run(string name) => Path.Combine(dir, name);

    [Fact]
    public void With_a_weight_average_best_ckpt_holds_the_average_and_resume_continues_it_exactly()
    {
        var data = SyntheticFaces.Splits(40, 14, 7);
        var options = Fast with { WeightAverageDecay = 0.9, LogitAdjustment = 1 };
        new Trainer(Tiny, options).Fit(data, Run("whole"));

        using var cancel = new CancellationTokenSource();
        var stopped = new Trainer(Tiny, options, new CancelAfter(cancel, batches: 3)).Fit(data, Run("split"), cancellationToken: cancel.Token);
        Assert.True(stopped.Cancelled);
        Assert.True(Checkpoint.Load(Path.Combine(Run("split"), "last.ckpt")).HasAveragedState);
        new Trainer(Tiny, options).Fit(data, Run("split"), resume: true);

        // The live weights and the average both continue as if never stopped.
        var whole = Checkpoint.Load(Path.Combine(Run("whole"), "last.ckpt"));
        var split = Checkpoint.Load(Path.Combine(Run("split"), "last.ckpt"));
        AssertSameOutputs(whole.CreateModel("whole"), split.CreateModel("split"));
        AssertSameOutputs(whole.CreateAveragedModel("whole"), split.CreateAveragedModel("split"));
        // The average is not the live model, and the last epoch's best.ckpt is the average.
        Assert.False(SameOutputs(whole.CreateModel("whole"), whole.CreateAveragedModel("whole")));
        var best = Checkpoint.Load(Path.Combine(Run("whole"), "best.ckpt"));
        if (best.Metadata.Epoch == 2) AssertSameOutputs(best.CreateModel("best"), whole.CreateAveragedModel("whole"));
    }

    [Fact]
    public void A_distilled_run_pulls_the_student_towards_its_teacher()
    {
        var data = SyntheticFaces.Splits(48, 14, 7);
        var teacherRun = new Trainer(Tiny, Fast with { Epochs = 3 }).Fit(data, Run("teacher"));

        // The labels' share 0: the student learns the teacher alone.
        var distilled = Fast with { Seed = 9, Teachers = [teacherRun.BestCheckpoint], DistillationWeight = 1, Epochs = 3 };
        var notes = new Notes();
        new Trainer(Tiny, distilled, notes).Fit(data, Run("student"));
        new Trainer(Tiny, Fast with { Seed = 9, Epochs = 3, LearningRate = 1e-6 }).Fit(data, Run("untaught"));
        Assert.Contains(notes.Lines, n => n.Contains("Distilling 1 teacher"));

        var teacher = Probabilities(teacherRun.BestCheckpoint, data.PublicTest);
        var student = Probabilities(Path.Combine(Run("student"), "last.ckpt"), data.PublicTest);
        var untaught = Probabilities(Path.Combine(Run("untaught"), "last.ckpt"), data.PublicTest);
        Assert.True(Distance(teacher, student) < Distance(teacher, untaught), $"student {Distance(teacher, student):F3}, untaught {Distance(teacher, untaught):F3}");
    }

    [Fact]
    public void A_teacher_of_another_normalization_is_refused_by_name()
    {
        var data = SyntheticFaces.Splits(16, 7, 7);
        var teacherRun = new Trainer(Tiny, Fast with { Epochs = 1 }).Fit(data, Run("plain"));
        var e = Assert.Throws<EmotionNetException>(() => new Trainer(Tiny, Fast with { Teachers = [teacherRun.BestCheckpoint] }, normalization: new InputNormalization { StretchContrast = true })
            .Fit(data, Run("stretched")));
        Assert.Equal("TrainingOptions.Teachers", e.Option);
        Assert.Contains(teacherRun.BestCheckpoint, e.Message);
    }

    [Fact]
    public void A_stretching_run_stores_its_normalization_and_resume_keeps_it()
    {
        var data = SyntheticFaces.Splits(16, 7, 7);
        var stretch = new InputNormalization { StretchContrast = true };
        new Trainer(Tiny, Fast with { Epochs = 1 }, normalization: stretch).Fit(data, Run("stretch"));
        // Resumed without saying so: the checkpoint's normalization wins.
        new Trainer(Tiny, Fast with { Epochs = 2 }).Fit(data, Run("stretch"), resume: true);
        Assert.True(Checkpoint.Load(Path.Combine(Run("stretch"), "last.ckpt")).Metadata.Normalization.StretchContrast);
        Assert.True(Checkpoint.Load(Path.Combine(Run("stretch"), "best.ckpt")).Metadata.Normalization.StretchContrast);
    }

    [Fact]
    public void Logit_adjustment_offsets_are_tau_times_the_log_class_prior()
    {
        var data = SyntheticFaces.Splits(28, 7, 7);
        using var loss = new TrainingLoss(Fast with { LogitAdjustment = 0.5 }, data.Training, CPU);
        var counts = data.Training.ClassCounts();
        var offsets = loss.LogitOffsets!.data<float>().ToArray();
        for (var c = 0; c < counts.Length; c++)
            Assert.Equal(0.5 * Math.Log(Math.Max(1, counts[c]) / (double)counts.Sum()), offsets[c], 5);
    }

    private static float[] Probabilities(string checkpoint, FaceClipSet set)
    {
        using var classifier = EmotionClassifier.Load(checkpoint);
        var frames = new byte[set.Count * FaceImage.FrameBytes];
        for (var i = 0; i < set.Count; i++) set.Frames(i)[..FaceImage.FrameBytes].CopyTo(frames.AsSpan(i * FaceImage.FrameBytes));
        return classifier.Predict(frames, set.Count);
    }

    private static double Distance(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average();

    private static bool SameOutputs(EmotionNetModel a, EmotionNetModel b)
    {
        using (a)
        using (b)
        {
            a.eval();
            b.eval();
            random.manual_seed(11);
            var x = randn([4, 1, 1, 48, 48]);
            return a.call(x).allclose(b.call(x), rtol: 1e-5, atol: 1e-6);
        }
    }

    private static void AssertSameOutputs(EmotionNetModel a, EmotionNetModel b) => Assert.True(SameOutputs(a, b), "identical weights");

    private sealed class CancelAfter(CancellationTokenSource source, int batches) : IProgress<TrainingEvent>
    {
        private int seen;

        public void Report(TrainingEvent value)
        {
            if (value is TrainingEvent.Progress { Value.Phase: "train" } && ++seen == batches) source.Cancel();
        }
    }

    private sealed class Notes : IProgress<TrainingEvent>
    {
        public List<string> Lines { get; } = [];

        public void Report(TrainingEvent value)
        {
            if (value is TrainingEvent.Note note) Lines.Add(note.Message);
        }
    }
}
