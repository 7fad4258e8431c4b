using System.Diagnostics;
using EmotionNet.Core;
using OpenCvSharp;

namespace EmotionNet.Vision.Sources;

/// <summary>Reads a live camera; a frame's time is the wall-clock time since the camera opened.</summary>
internal sealed class CameraFrameReader : FrameReader
{
    private readonly VideoCapture capture;
    private readonly Stopwatch clock;

    public CameraFrameReader(int index, long maxPixels)
    {
        capture = new VideoCapture(index, VideoCaptureAPIs.ANY);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new EmotionNetException($"Camera {index} could not be opened: there is no camera with that index, or it is in use or not permitted.");
        }
        var fps = capture.Get(VideoCaptureProperties.Fps);
        Info = new SourceInfo(SourceKind.Camera, $"camera {index}", null, fps > 0 && fps < 1000 ? fps : VideoFrameReader.FallbackFps, capture.FrameWidth, capture.FrameHeight);
        if (PixelLimit.Exceeded($"Camera {index}", Info.Width, Info.Height, maxPixels) is { } tooBig)
        {
            capture.Dispose();
            throw new EmotionNetException(tooBig.Replace("declares", "has frames of", StringComparison.Ordinal)) { Option = PixelLimit.Option };
        }
        clock = Stopwatch.StartNew();
    }

    public override SourceInfo Info { get; }

    public override Mat? Read(out double timeSeconds, out string? frameName)
    {
        frameName = null;
        var frame = new Mat();
        var ok = capture.Read(frame) && !frame.Empty();
        timeSeconds = clock.Elapsed.TotalSeconds;
        if (ok) return frame;
        frame.Dispose();
        return null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) capture.Dispose();
        base.Dispose(disposing);
    }
}
