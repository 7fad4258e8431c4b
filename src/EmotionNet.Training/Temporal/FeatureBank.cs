using System.Security.Cryptography;
using System.Text.Json;
using EmotionNet.Core.Data;
using EmotionNet.Core.IO;
using EmotionNet.Core.Imaging;
using EmotionNet.Torch.Imaging;
using EmotionNet.Torch.Models;
using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Augmentation.Temporal;
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
    /// <see cref="Build"/>, kept in <paramref name="cachePath"/>: a file made from the same encoder weights, faces
    /// and recipe is read back instead of encoding again (minutes on a CPU; a resumed run needs the same bank),
    /// anything else is rebuilt and the file replaced atomically. Null when cancelled (nothing is written).
    /// </summary>
    public static FeatureBank? Cached(string cachePath, EmotionNetModel model, FaceClipSet faces, TemporalClipOptions clips, int poses, int seed,
        InputNormalization normalization, Device device, IProgress<int>? progress, CancellationToken cancellation)
    {
        var key = Key(model, faces, clips, poses, seed, normalization);
        if (TryRead(cachePath, key, poses, faces.Count, model.Config.FeatureSize) is { } cached)
        {
            progress?.Report(faces.Count);
            return cached;
        }
        if (Build(model, faces, clips, poses, seed, normalization, device, progress, cancellation) is not { } bank) return null;
        AtomicFile.Write(cachePath, stream =>
        {
            using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            w.Write(CacheMagic);
            w.Write(key);
            foreach (var label in bank.Labels) w.Write(label);
            var values = bank.Features.contiguous().data<float>().ToArray();
            w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        });
        return bank;
    }

    private const long CacheMagic = 0x314B4E4142464E45; // "ENFBANK1"

    private static FeatureBank? TryRead(string path, byte[] key, int poses, int faces, int featureSize)
    {
        if (!File.Exists(path)) return null;
        var variants = poses + PixelNuisances.Length;
        var expected = 8L + key.Length + 4L * faces + 4L * faces * variants * featureSize;
        if (new FileInfo(path).Length != expected) return null;
        using var r = new BinaryReader(File.OpenRead(path));
        if (r.ReadInt64() != CacheMagic || !r.ReadBytes(key.Length).AsSpan().SequenceEqual(key)) return null;
        var labels = new int[faces];
        for (var i = 0; i < faces; i++) labels[i] = r.ReadInt32();
        var values = new float[(long)faces * variants * featureSize];
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return new FeatureBank(tensor(values, [(long)faces * variants, featureSize]), labels, poses);
    }

    // What the bank's rows depend on: the encoder's weights, the faces and their labels, the recipe of the renderings.
    private static byte[] Key(EmotionNetModel model, FaceClipSet faces, TemporalClipOptions clips, int poses, int seed, InputNormalization normalization)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, weights) in model.state_dict().Where(kv => kv.Key.StartsWith("encoder.", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            using var cpu = weights.cpu().to(ScalarType.Float32).contiguous();
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(cpu.data<float>().ToArray().AsSpan()));
        }
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(new { clips.Motion, poses, seed, normalization.Mean, normalization.Std, faces.Count }));
        for (var i = 0; i < faces.Count; i++)
        {
            hash.AppendData(faces.Frame(i, 0));
            hash.AppendData(BitConverter.GetBytes(faces.Label(i)));
        }
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// Renders and encodes every face of <paramref name="faces"/> (its first frame) with <paramref name="model"/>'s
    /// encoder in eval mode; <paramref name="progress"/> gets the faces done so far. Null when cancelled, checked between batches of faces.
    /// </summary>
    public static FeatureBank? Build(EmotionNetModel model, FaceClipSet faces, TemporalClipOptions clips, int poses, int seed,
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
            if (cancellation.IsCancellationRequested)
            {
                foreach (var r in rows) r.Dispose();
                return null;
            }
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
