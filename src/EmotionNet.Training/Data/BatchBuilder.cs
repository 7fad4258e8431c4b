using EmotionNet.Core.Data;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Imaging;
using EmotionNet.Training.Augmentation;

namespace EmotionNet.Training.Data;

/// <summary>The managed buffers of one batch, built off the consuming thread.</summary>
internal sealed record BatchData(float[] Inputs, long[] Labels, int[] Clips);

/// <summary>
/// Builds batches' buffers: frame sampling, augmentation or clean clips, normalization. One per
/// worker thread (it owns scratch buffers); every clip depends only on its index, the seed and the
/// epoch, never on which worker builds it.
/// </summary>
internal sealed class BatchBuilder
{
    private readonly FaceClipSet set;
    private readonly ClipLoaderOptions options;
    private readonly int epoch;
    private readonly PseudoSequenceGenerator? generator;
    private readonly byte[] clipBytes;
    private readonly int[] frameIndices;

    public BatchBuilder(FaceClipSet set, ClipLoaderOptions options, int epoch, PseudoSequenceGenerator? generator)
    {
        this.set = set;
        this.options = options;
        this.epoch = epoch;
        this.generator = generator;
        clipBytes = new byte[options.SequenceLength * FaceImage.FrameBytes];
        frameIndices = new int[options.SequenceLength];
    }

    public BatchData Build(ReadOnlySpan<int> clips)
    {
        var clipFloats = clipBytes.Length;
        var inputs = new float[clips.Length * clipFloats];
        var labels = new long[clips.Length];
        for (var i = 0; i < clips.Length; i++)
        {
            var clip = clips[i];
            WriteClip(clip, clipBytes);
            options.Normalization.Normalize(clipBytes, inputs.AsSpan(i * clipFloats, clipFloats));
            labels[i] = set.Label(clip);
        }
        return new BatchData(inputs, labels, clips.ToArray());
    }

    /// <summary>Writes clip <paramref name="clip"/> as T frames of grey bytes.</summary>
    public void WriteClip(int clip, Span<byte> destination)
    {
        ClipFrames.Sample(set.FrameCount(clip), frameIndices);
        if (generator is null) EvaluationClip.Write(set.Frames(clip), frameIndices, options.FlipInput, destination);
        else generator.Generate(set.Frames(clip), frameIndices, PseudoSequenceGenerator.ClipSeed(options.Seed, epoch, clip), destination);
    }
}
