using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Core.Data;

/// <summary>
/// Labelled clips of 48x48 grey faces held compactly: all frames in one byte array, clip
/// boundaries in an offset table. A FER2013 face is a clip of one frame; a folder clip may have many.
/// </summary>
public sealed class FaceClipSet
{
    private readonly byte[] frames;
    private readonly int[] clipStarts;   // frame index where clip i starts; clipStarts[Count] = total frames
    private readonly int[] labels;

    /// <summary>Creates a set; <paramref name="clipStarts"/> has one more entry than there are clips.</summary>
    public FaceClipSet(ClassSet classes, byte[] frames, int[] clipStarts, int[] labels, string source)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(clipStarts);
        ArgumentNullException.ThrowIfNull(labels);
        if (clipStarts.Length != labels.Length + 1) throw new ArgumentException("clipStarts needs one entry more than labels.", nameof(clipStarts));
        if ((long)clipStarts[^1] * FaceImage.FrameBytes != frames.Length) throw new ArgumentException("frames does not hold the frames clipStarts describes.", nameof(frames));
        for (var i = 0; i < labels.Length; i++)
        {
            if (clipStarts[i + 1] <= clipStarts[i]) throw new ArgumentException($"Clip {i} has no frames.", nameof(clipStarts));
            if ((uint)labels[i] >= (uint)classes.Count) throw new ArgumentException($"Clip {i} has label {labels[i]} outside {classes.Name}.", nameof(labels));
        }
        Classes = classes;
        this.frames = frames;
        this.clipStarts = clipStarts;
        this.labels = labels;
        Source = source;
    }

    /// <summary>An empty set.</summary>
    public static FaceClipSet Empty(ClassSet classes, string source) => new(classes, [], [0], [], source);

    /// <summary>The classes the labels index.</summary>
    public ClassSet Classes { get; }

    /// <summary>Where the clips came from (file or folder, and split), for messages.</summary>
    public string Source { get; }

    /// <summary>Number of clips.</summary>
    public int Count => labels.Length;

    /// <summary>Total frames over all clips.</summary>
    public int FrameTotal => clipStarts[^1];

    /// <summary>Bytes held (frames plus tables).</summary>
    public long SizeInBytes => frames.LongLength + 4L * (clipStarts.Length + labels.Length);

    /// <summary>Class index of clip <paramref name="clip"/>.</summary>
    public int Label(int clip) => labels[clip];

    /// <summary>Number of frames of clip <paramref name="clip"/>.</summary>
    public int FrameCount(int clip) => clipStarts[clip + 1] - clipStarts[clip];

    /// <summary>Frame <paramref name="frame"/> of clip <paramref name="clip"/>: 2304 grey bytes, row-major.</summary>
    public ReadOnlySpan<byte> Frame(int clip, int frame)
    {
        if ((uint)frame >= (uint)FrameCount(clip)) throw new ArgumentOutOfRangeException(nameof(frame));
        return frames.AsSpan((clipStarts[clip] + frame) * FaceImage.FrameBytes, FaceImage.FrameBytes);
    }

    /// <summary>All frames of clip <paramref name="clip"/>, one after another: <see cref="FrameCount"/> x 2304 grey bytes.</summary>
    public ReadOnlySpan<byte> Frames(int clip) =>
        frames.AsSpan(clipStarts[clip] * FaceImage.FrameBytes, FrameCount(clip) * FaceImage.FrameBytes);

    /// <summary>Clips per class, in class-index order.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes.Count];
        foreach (var l in labels) counts[l]++;
        return counts;
    }

    /// <summary>
    /// A subset of at most <paramref name="maxClips"/> clips, chosen by a seeded shuffle that keeps
    /// every class's share (stratified), in original order. Returns this set when it is small enough.
    /// </summary>
    public FaceClipSet Subset(int maxClips, int seed)
    {
        if (maxClips >= Count) return this;
        var rng = new Random(seed);
        var keep = new List<int>(maxClips);
        foreach (var group in Enumerable.Range(0, Count).GroupBy(i => labels[i]))
        {
            var members = group.ToArray();
            rng.Shuffle(members);
            var take = (int)Math.Round((double)members.Length * maxClips / Count);
            keep.AddRange(members.Take(Math.Max(take, 1)));
        }
        keep.Sort();
        if (keep.Count > maxClips) keep.RemoveRange(maxClips, keep.Count - maxClips);
        return Select(keep);
    }

    /// <summary>The clips at <paramref name="indices"/>, in that order.</summary>
    public FaceClipSet Select(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var starts = new int[indices.Count + 1];
        for (var i = 0; i < indices.Count; i++) starts[i + 1] = starts[i] + FrameCount(indices[i]);
        var newFrames = new byte[(long)starts[^1] * FaceImage.FrameBytes];
        var newLabels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var src = indices[i];
            frames.AsSpan(clipStarts[src] * FaceImage.FrameBytes, FrameCount(src) * FaceImage.FrameBytes)
                  .CopyTo(newFrames.AsSpan(starts[i] * FaceImage.FrameBytes));
            newLabels[i] = labels[src];
        }
        return new FaceClipSet(Classes, newFrames, starts, newLabels, Source);
    }

    /// <summary>
    /// The clips of <paramref name="sets"/> one set after another (one copy of their frames), e.g. every
    /// split of a data set. All sets must share one class set; the source names theirs joined by " + ".
    /// </summary>
    /// <exception cref="ArgumentException">No sets, or sets of different class sets.</exception>
    public static FaceClipSet Concat(IReadOnlyList<FaceClipSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count == 0) throw new ArgumentException("Concat needs at least one set.", nameof(sets));
        var classes = sets[0].Classes;
        if (sets.Any(s => s.Classes != classes)) throw new ArgumentException($"Concat needs sets of one class set; got {string.Join(", ", sets.Select(s => s.Classes.Name).Distinct())}.", nameof(sets));
        var newFrames = new byte[sets.Sum(s => s.frames.LongLength)];
        var starts = new int[sets.Sum(s => s.Count) + 1];
        var newLabels = new int[starts.Length - 1];
        long frameOffset = 0;
        int clip = 0, frameBase = 0;
        foreach (var set in sets)
        {
            set.frames.CopyTo(newFrames, frameOffset);
            frameOffset += set.frames.LongLength;
            for (var i = 0; i < set.Count; i++, clip++)
            {
                newLabels[clip] = set.labels[i];
                starts[clip + 1] = frameBase + set.clipStarts[i + 1];
            }
            frameBase += set.FrameTotal;
        }
        return new FaceClipSet(classes, newFrames, starts, newLabels, string.Join(" + ", sets.Select(s => s.Source)));
    }
}
