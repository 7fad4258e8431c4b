using BenchmarkDotNet.Attributes;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Samples;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Data;
using static TorchSharp.torch;

namespace EmotionNet.Benchmarks;

/// <summary>
/// The small hot paths of loading and batching, on the embedded FER2013 sample (no file needed):
/// one FER2013 pixel field parsed, one augmented frame, one batch of 128 built, normalized and made a tensor.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001, CA1822 // BenchmarkDotNet needs instance methods; the tensor is freed by the process exit.
public class DataHotPaths
#pragma warning restore CA1001, CA1822
{
    public const int Batch = 128;

    private readonly byte[] frame = new byte[FaceImage.FrameBytes];
    private readonly byte[] destination = new byte[FaceImage.FrameBytes];
    private readonly int[] indices = new int[1];
    private readonly int[] clips = Enumerable.Range(0, Batch).ToArray();
    private readonly byte[] batchBytes = new byte[Batch * FaceImage.FrameBytes];
    private readonly float[] batchFloats = new float[Batch * FaceImage.FrameBytes];
    private byte[] pixelField = [];
    private FaceClipSet set = FaceClipSet.Empty(ClassSet.Fer7, "none");
    private PseudoSequenceGenerator generator = new(PseudoSequenceOptions.Default);
    private BatchBuilder? builder;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        NativeRuntime.EnsureTorch();
        set = SampleData.Load(ClassSet.Fer7).Training;
        pixelField = System.Text.Encoding.ASCII.GetBytes(string.Join(' ', set.Frames(0).ToArray()));
        generator = new PseudoSequenceGenerator(PseudoSequenceOptions.Default);
        builder = new BatchBuilder(set, new ClipLoaderOptions { BatchSize = Batch, Augmentation = PseudoSequenceOptions.Default, Seed = 1 }, 1, generator);
        for (var i = 0; i < Batch; i++) set.Frames(i % set.Count).CopyTo(batchBytes.AsSpan(i * FaceImage.FrameBytes));
        clips.AsSpan().ForEach((ref int c, int i) => c = i % set.Count);
    }

    /// <summary>One FER2013 "pixels" field (2,304 values) into a frame: the reader's inner loop.</summary>
    [Benchmark]
    public string? ParsePixelRow() => Fer2013Row.ParsePixels(pixelField, frame);

    /// <summary>One augmented frame (T = 1 pseudo-sequence): warp, photometric jitter, noise.</summary>
    [Benchmark]
    public void PseudoSequenceFrame()
    {
        var clip = next++ % set.Count;
        ClipFrames.Sample(set.FrameCount(clip), indices);
        generator.Generate(set.Frames(clip), indices, PseudoSequenceGenerator.ClipSeed(1, 0, clip), destination);
    }

    /// <summary>A whole training batch's buffers: 128 clips sampled, augmented, normalized to float.</summary>
    [Benchmark]
    public int BuildBatch128() => builder!.Build(clips).Labels.Length;

    /// <summary>128 frames of bytes normalized to floats.</summary>
    [Benchmark]
    public void Normalize128() => InputNormalization.Default.Normalize(batchBytes, batchFloats);

    /// <summary>128 normalized frames copied into a (128, 1, 1, 48, 48) tensor, as the loader does on the consuming thread.</summary>
    [Benchmark]
    public long BatchTensor128()
    {
        using var t = tensor(batchFloats, [Batch, 1, 1, FaceImage.Side, FaceImage.Side]);
        return t.numel();
    }
}

internal static class SpanExtensions
{
    public delegate void RefAction(ref int value, int index);

    public static void ForEach(this Span<int> span, RefAction action)
    {
        for (var i = 0; i < span.Length; i++) action(ref span[i], i);
    }
}
