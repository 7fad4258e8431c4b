using System.Collections.Concurrent;
using OpenCvSharp;

namespace EmotionNet.Vision.Sources;

/// <summary>Reads a source's frames one at a time, in order.</summary>
internal abstract class FrameReader : IDisposable
{
    private readonly ConcurrentQueue<SkippedInput> skipped = new();

    /// <summary>
    /// Files passed over so far because they could not be read (a folder's corrupt or oversized images),
    /// in reading order. Filled by the reading thread; another thread may take them with <see cref="TryTakeSkipped"/>.
    /// </summary>
    public int SkippedCount { get; private set; }

    /// <summary>Takes the oldest skipped file not yet taken; safe to call from a thread other than the reader's.</summary>
    public bool TryTakeSkipped(out SkippedInput skippedInput) => skipped.TryDequeue(out skippedInput!);

    /// <summary>Records a file passed over.</summary>
    protected void Skip(SkippedInput input)
    {
        skipped.Enqueue(input);
        SkippedCount++;
    }

    /// <summary>What is known about the source.</summary>
    public abstract SourceInfo Info { get; }

    /// <summary>The next frame (BGR, owned by the caller) and its time in seconds, or null at the end.</summary>
    public abstract Mat? Read(out double timeSeconds, out string? frameName);

    /// <summary>Moves past the next frame without decoding it where the source allows; false at the end.</summary>
    public virtual bool Skip()
    {
        using var frame = Read(out _, out _);
        return frame is not null;
    }

    /// <summary>Opens the reader for <paramref name="source"/>.</summary>
    /// <param name="source">What to read.</param>
    /// <param name="imageSequenceFps">Frame rate that gives images their timestamps.</param>
    /// <param name="maxPixels">Largest image or frame accepted (width x height), checked before decoding.</param>
    public static FrameReader Open(InputSource source, double imageSequenceFps, long maxPixels = long.MaxValue) => source.Kind switch
    {
        SourceKind.Image or SourceKind.ImageSequence => new ImageFrameReader(source, imageSequenceFps, maxPixels),
        SourceKind.Video => new VideoFrameReader(source.Path!, maxPixels),
        SourceKind.Camera => new CameraFrameReader(source.CameraIndex, maxPixels),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source.Kind, "Unknown source kind."),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases native resources.</summary>
    protected virtual void Dispose(bool disposing) { }
}
