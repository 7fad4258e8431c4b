using EmotionNet.Core;
using OpenCvSharp;

namespace EmotionNet.Vision.Sources;

/// <summary>Reads a video file through OpenCV's FFmpeg backend; frame i is at <c>i / fps</c> seconds.</summary>
internal sealed class VideoFrameReader : FrameReader
{
    /// <summary>Frame rate assumed when a file does not state one.</summary>
    internal const double FallbackFps = 30;

    private readonly VideoCapture capture;
    private readonly string path;
    private int next;

    public VideoFrameReader(string path, long maxPixels)
    {
        this.path = path;
        capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new EmotionNetException($"Video '{path}' could not be opened: it is corrupt or not a video format FFmpeg can decode.");
        }
        var fps = capture.Get(VideoCaptureProperties.Fps);
        if (!(fps > 0 && fps < 1000)) fps = FallbackFps;
        var count = (int)capture.Get(VideoCaptureProperties.FrameCount);
        Info = new SourceInfo(SourceKind.Video, path, count > 0 ? count : null, fps, capture.FrameWidth, capture.FrameHeight);
        // The container states the frame size before any frame is decoded.
        if (PixelLimit.Exceeded($"Video '{path}'", Info.Width, Info.Height, maxPixels) is { } tooBig)
        {
            capture.Dispose();
            throw new EmotionNetException(tooBig.Replace("declares", "has frames of", StringComparison.Ordinal)) { Option = PixelLimit.Option };
        }
    }

    public override SourceInfo Info { get; }

    public override Mat? Read(out double timeSeconds, out string? frameName)
    {
        frameName = null;
        timeSeconds = next / Info.Fps;
        var frame = new Mat();
        if (!capture.Read(frame) || frame.Empty())
        {
            frame.Dispose();
            if (next == 0) throw new EmotionNetException($"Video '{path}' holds no frame that could be decoded.");
            return null;
        }
        next++;
        return frame;
    }

    public override bool Skip()
    {
        if (!capture.Grab()) return false;
        next++;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) capture.Dispose();
        base.Dispose(disposing);
    }
}
