using EmotionNet.Core;
using EmotionNet.Core.IO;
using OpenCvSharp;

namespace EmotionNet.Vision.Annotation;

/// <summary>
/// Writes annotated frames to <c>name.mp4</c> (FourCC mp4v) or, when that cannot be opened, to
/// <c>name.avi</c> (MJPG). Frames go to a temporary sibling with the same extension first (FFmpeg picks the
/// container from the extension) and are renamed by <see cref="Complete"/>, so no half-written video is left under the final name.
/// </summary>
public sealed class AnnotatedVideoWriter : IDisposable
{
    private readonly string basePath;
    private readonly double fps;
    private VideoWriter? writer;
    private string? temporaryPath;
    private string? finalPath;
    private Size size;

    /// <summary>Prepares a writer for <paramref name="basePathWithoutExtension"/> at <paramref name="fps"/>; the file opens with the first frame.</summary>
    public AnnotatedVideoWriter(string basePathWithoutExtension, double fps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(basePathWithoutExtension);
        basePath = basePathWithoutExtension;
        this.fps = fps > 0 ? fps : 30;
    }

    /// <summary>Frames written.</summary>
    public int FramesWritten { get; private set; }

    /// <summary>Appends <paramref name="frame"/> (BGR; resized to the first frame's size if it differs).</summary>
    public void Write(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        writer ??= Open(frame.Size());
        if (frame.Size() != size)
        {
            using var resized = new Mat();
            Cv2.Resize(frame, resized, size);
            writer.Write(resized);
        }
        else
        {
            writer.Write(frame);
        }
        FramesWritten++;
    }

    /// <summary>Closes the video and gives it its final name; returns that path, or null when no frame was written.</summary>
    public string? Complete()
    {
        if (writer is null) return null;
        writer.Release();
        writer.Dispose();
        writer = null;
        AtomicFile.Commit(temporaryPath!, finalPath!);
        return finalPath;
    }

    private VideoWriter Open(Size frameSize)
    {
        size = frameSize;
        foreach (var (fourCc, extension) in new[] { (FourCC.FromString("mp4v"), ".mp4"), (FourCC.FromString("MJPG"), ".avi") })
        {
            var temp = AtomicFile.TemporaryPathFor(basePath + extension);
            var candidate = new VideoWriter(temp, VideoCaptureAPIs.FFMPEG, fourCc, fps, size, true);
            if (candidate.IsOpened())
            {
                temporaryPath = temp;
                finalPath = basePath + extension;
                return candidate;
            }
            candidate.Dispose();
            AtomicFile.TryDelete(temp);
        }
        throw new EmotionNetException($"Could not open an annotated video '{basePath}.mp4' (mp4v) or '{basePath}.avi' (MJPG) for writing.");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (writer is null) return;
        writer.Dispose();
        writer = null;
        if (temporaryPath is not null) AtomicFile.TryDelete(temporaryPath);
    }
}
