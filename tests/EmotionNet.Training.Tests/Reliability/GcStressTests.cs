using System.Text.Json;
using EmotionNet.Core.Data;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Core.Runtime;
using EmotionNet.TestSupport;
using EmotionNet.Torch;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Options;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace EmotionNet.Training.Tests.Reliability;

/// <summary>
/// TorchSharp 0.107 lets the finalizer free a <see cref="TorchSharp.Scalar"/> whose handle native code is still
/// reading (EmotionNet.Torch.Runtime.HeldScalars). A thread forcing full, blocking collections and draining the
/// finalizer queue as fast as it can, while training steps and evaluation run, must change no bit of the result.
/// </summary>
[Collection(TorchRandomGroup.Name)]
public sealed class GcStressTests(ITestOutputHelper output) : IDisposable
{
    private static readonly ModelConfig Tiny = new() { ConvWidths = [8, 16, 32], LstmHidden = 24, Dropout = 0.1 };

    // Every hot path that makes Scalars: AdamW with decay, label smoothing, class weights, logit adjustment,
    // gradient clipping, the weight average, distillation (teachers set below) and flip-averaged evaluation.
    private static readonly TrainingOptions Run = new()
    {
        Epochs = 2, BatchSize = 16, LearningRate = 3e-3, WeightDecay = 0.01, Threads = 2, Seed = 9, Device = DeviceKind.Cpu,
        Augmentation = new PseudoSequenceOptions(), FlipAveraging = true, LabelSmoothing = 0.1, ClassWeights = true,
        LogitAdjustment = 0.5, GradientClip = 1.0, WeightAverageDecay = 0.9, DistillationWeight = 0.5,
    };

    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-gcstress-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact, Trait("Category", "Slow")]
    public void Training_and_evaluation_under_forced_collections_equal_an_unstressed_run_bit_for_bit()
    {
        var data = SyntheticFaces.Splits(32, 8, 8);
        var teacher = new Trainer(Tiny, Run with { Epochs = 1, WeightAverageDecay = 0, DistillationWeight = 0 }).Fit(data, Path.Combine(dir, "teacher"));
        var options = Run with { Teachers = [teacher.BestCheckpoint] };

        var calm = new Trainer(Tiny, options).Fit(data, Path.Combine(dir, "calm"));
        var calmPredictions = Predict(calm.LastCheckpoint, data.PublicTest);
        var ((stressed, stressedPredictions), collections) = UnderForcedCollections(() =>
        {
            var result = new Trainer(Tiny, options).Fit(data, Path.Combine(dir, "stressed"));
            return (result, Predict(result.LastCheckpoint, data.PublicTest));
        });

        output.WriteLine($"{collections} forced full collections during the stressed run");
        Assert.True(collections >= 10, $"only {collections} forced collections ran during the stressed run");
        Assert.Equal(Figures(calm), Figures(stressed));
        Assert.Equal(Json(calm.Splits), Json(stressed.Splits));
        Assert.Equal(StateBits(calm.LastCheckpoint), StateBits(stressed.LastCheckpoint));
        Assert.Equal(StateBits(calm.BestCheckpoint), StateBits(stressed.BestCheckpoint));
        Assert.Equal(calmPredictions.Select(BitConverter.SingleToInt32Bits), stressedPredictions.Select(BitConverter.SingleToInt32Bits));
    }

    // Runs work while another thread forces full blocking collections and runs finalizers back to back; returns how many ran.
    private static (T Result, int Collections) UnderForcedCollections<T>(Func<T> work)
    {
        var stop = 0;
        var collections = 0;
        var thread = new Thread(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true);
                GC.WaitForPendingFinalizers();
                collections++;
            }
        }) { IsBackground = true, Name = "forced collections" };
        thread.Start();
        try
        {
            return (work(), collections);
        }
        finally
        {
            Volatile.Write(ref stop, 1);
            thread.Join();
        }
    }

    private static float[] Predict(string checkpoint, FaceClipSet clips)
    {
        using var classifier = EmotionClassifier.Load(checkpoint, DeviceKind.Cpu);
        var frames = new byte[clips.Count * classifier.SequenceLength * FaceImage.FrameBytes];
        var indices = new int[classifier.SequenceLength];
        var clipBytes = classifier.SequenceLength * FaceImage.FrameBytes;
        for (var i = 0; i < clips.Count; i++)
        {
            ClipFrames.Sample(clips.FrameCount(i), indices);
            EvaluationClip.Write(clips.Frames(i), indices, flip: false, frames.AsSpan(i * clipBytes, clipBytes));
        }
        return classifier.Predict(frames, clips.Count);
    }

    // Everything an epoch computed (not its timings).
    private static (double, double, double, double, double, double)[] Figures(TrainingResult result) =>
        [.. result.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy, e.ValidationMacroF1, e.LearningRate))];

    // Doubles serialize round-trip exact.
    private static string Json(IReadOnlyDictionary<string, ClassificationMetrics> splits) => JsonSerializer.Serialize(splits);

    // Every tensor of the saved model and of its weight average, as raw bits (BatchNorm's int64 counters included).
    private static List<long> StateBits(string checkpoint)
    {
        using var model = Checkpoint.Load(checkpoint).CreateModel(checkpoint);
        var bits = new List<long>();
        foreach (var (_, value) in model.state_dict())
        {
            using var cpu = value.detach().cpu().contiguous();
            if (cpu.dtype == ScalarType.Int64) bits.AddRange(cpu.data<long>().ToArray());
            else bits.AddRange(cpu.to_type(ScalarType.Float32).data<float>().ToArray().Select(f => (long)BitConverter.SingleToInt32Bits(f)));
        }
        return bits;
    }
}
