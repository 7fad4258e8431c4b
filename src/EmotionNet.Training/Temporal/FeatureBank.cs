using EmotionNet.Augmentation;
using EmotionNet.Augmentation.Temporal;
using EmotionNet.Data;
using EmotionNet.Imaging;
using EmotionNet.Models;
using static TorchSharp.torch;

namespace EmotionNet.Training.Temporal;

/// <summary>
/// Per-frame encoder features of every face, precomputed once: <c>poses</c> clean renderings per face and one
/// rendering per pixel nuisance (occlusion, blur, misalignment, flicker). Temporal training composes its
/// clips from these rows, so each epoch costs LSTM steps only, not encoder passes: with the encoder frozen
/// the features of a rendering never change, and encoding is about 95 % of a frame's cost.
/// </summary>
internal sealed class FeatureBank : IDisposable
{
    /// <summary>The nuisances that change pixels (a repeat reuses the previous frame's row).</summary>
    public static readonly FrameNuisance[] PixelNuisances = [FrameNuisance.Occlusion, FrameNuisance.Blur, FrameNuisance.Misalignment, FrameNuisance.Flicker];

    private FeatureBank(Tensor features, int[] labels, int poses)
    {
        Features = features;
        Labels = labels;
        Poses = poses;
    }

    /// <summary>(faces x variants, F): face f's variant v is row f x Variants + v.</summary>
    public Tensor Features { get; }

    /// <summary>Each face's class index.</summary>
    public int[] Labels { get; }

    /// <summary>Clean poses per face: variants 0 .. Poses-1; then one per <see cref="PixelNuisances"/> entry.</summary>
    public int Poses { get; }

    /// <summary>Rows per face.</summary>
    public int Variants => Poses + PixelNuisances.Length;

    /// <summary>Faces in the bank.</summary>
    public int Count => Labels.Length;

    /// <summary>The row of face <paramref name="face"/>'s clean pose <paramref name="pose"/>.</summary>
    public long PoseRow(int face, int pose) => (long)face * Variants + pose;

    /// <summary>The row of face <paramref name="face"/> under nuisance <paramref name="kind"/> (not None or Repeat).</summary>
    public long NuisanceRow(int face, FrameNuisance kind) => (long)face * Variants + Poses + Array.IndexOf(PixelNuisances, kind);

    /// <summary>
    /// Renders and encodes every face of <paramref name="faces"/> (its first frame) with <paramref name="model"/>'s
    /// encoder in eval mode; <paramref name="progress"/> gets the faces done so far.
    /// </summary>
    public static FeatureBank Build(EmotionNetModel model, FaceClipSet faces, TemporalClipOptions clips, int poses, int seed,
        InputNormalization normalization, Device device, IProgress<int>? progress, CancellationToken cancellation)
    {
        const int batchFaces = 64;
        var motion = new PseudoSequenceGenerator(clips.Motion);
        var variants = poses + PixelNuisances.Length;
        var rows = new List<Tensor>();
        var labels = new int[faces.Count];
        var pixels = new byte[batchFaces * variants * FaceImage.FrameBytes];
        int[] single = [0];
        model.eval();
        using var noGrad = no_grad();
        for (var start = 0; start < faces.Count; start += batchFaces)
        {
            cancellation.ThrowIfCancellationRequested();
            var count = Math.Min(batchFaces, faces.Count - start);
            for (var i = 0; i < count; i++)
            {
                var face = start + i;
                labels[face] = faces.Label(face);
                var source = faces.Frame(face, 0);
                for (var v = 0; v < variants; v++)
                {
                    var target = pixels.AsSpan((i * variants + v) * FaceImage.FrameBytes, FaceImage.FrameBytes);
                    motion.Generate(source, single, SplitMix64.Mix((ulong)seed, (ulong)face, (ulong)v), target);
                    if (v >= poses) FrameNuisances.Apply(PixelNuisances[v - poses], target, SplitMix64.Mix((ulong)seed, (ulong)face, 0xB0057UL + (ulong)v));
                }
            }
            using var scope = NewDisposeScope();
            var input = FaceTensors.FromFrames(pixels.AsSpan(0, count * variants * FaceImage.FrameBytes), count * variants, 1, normalization, device)
                .reshape(count * variants, 1, FaceImage.Side, FaceImage.Side);
            rows.Add(model.Encode(input).cpu().MoveToOuterDisposeScope());
            progress?.Report(start + count);
        }
        var all = rows.Count == 0 ? zeros(0, model.Config.FeatureSize) : cat(rows, 0);
        foreach (var r in rows) r.Dispose();
        return new FeatureBank(all, labels, poses);
    }

    /// <inheritdoc />
    public void Dispose() => Features.Dispose();
}
