using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Core.Data;

/// <summary>
/// Accumulates clips in fixed-size chunks so that a growing set never copies what it holds
/// (doubling a 80 MB array would briefly need 240 MB); <see cref="Build"/> packs them once.
/// </summary>
internal sealed class FaceClipSetBuilder
{
    private const int ChunkFrames = 1024;

    private readonly List<byte[]> chunks = [];
    private readonly List<int> clipStarts = [0];
    private readonly List<int> labels = [];
    private int frameTotal;

    public int Count => labels.Count;

    /// <summary>Where the next frame goes; it becomes part of the set only through <see cref="CommitFrame"/>.</summary>
    public Span<byte> NextFrame()
    {
        var chunk = frameTotal / ChunkFrames;
        if (chunk == chunks.Count) chunks.Add(new byte[ChunkFrames * FaceImage.FrameBytes]);
        return chunks[chunk].AsSpan(frameTotal % ChunkFrames * FaceImage.FrameBytes, FaceImage.FrameBytes);
    }

    /// <summary>Keeps the frame written into <see cref="NextFrame"/> as part of the current clip.</summary>
    public void CommitFrame() => frameTotal++;

    /// <summary>Ends the current clip (its committed frames) with <paramref name="label"/>.</summary>
    public void EndClip(int label)
    {
        if (frameTotal == clipStarts[^1]) throw new InvalidOperationException("A clip needs at least one frame.");
        clipStarts.Add(frameTotal);
        labels.Add(label);
    }

    public FaceClipSet Build(ClassSet classes, string source)
    {
        var frames = new byte[(long)frameTotal * FaceImage.FrameBytes];
        for (var c = 0; c < chunks.Count; c++)
        {
            var offset = (long)c * ChunkFrames * FaceImage.FrameBytes;
            var length = (int)Math.Min(chunks[c].Length, frames.LongLength - offset);
            if (length <= 0) break;
            chunks[c].AsSpan(0, length).CopyTo(frames.AsSpan((int)offset));
        }
        chunks.Clear();
        return new FaceClipSet(classes, frames, clipStarts.ToArray(), labels.ToArray(), source);
    }
}
