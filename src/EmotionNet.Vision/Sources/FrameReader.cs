using OpenCvSharp;

namespace EmotionNet.Vision.Sources;

/// <summary>Reads a source's frames one at a time, in order.</summary>
internal abstract class FrameReader : IDisposable
{
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
    public static FrameReader Open(InputSource source, double imageSequenceFps) => source.Kind switch
    {
        SourceKind.Image or SourceKind.ImageSequence => new ImageFrameReader(source, imageSequenceFps),
        SourceKind.Video => new VideoFrameReader(source.Path!),
        SourceKind.Camera => new CameraFrameReader(source.CameraIndex),
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
