using EmotionNet.Imaging;
using EmotionNet.Vision.Faces;
using EmotionNet.Inference.Recognition;
using EmotionNet.Vision.Sources;
using EmotionNet.Inference.Tracking;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// The first pipeline stage: reads frames (skipping per <see cref="AnalyzerOptions.Every"/>), detects
/// faces (or takes the whole image), tracks them and crops them. Runs on its own thread while the
/// model works on the previous frame.
/// </summary>
internal sealed class FaceStage(FrameReader reader, AnalyzerOptions options) : IDisposable
{
    private readonly IFaceDetector? detector = options.FacesCropped ? null : FaceDetectors.Create(options.Detector);
    private readonly FaceTracker tracker = new(options.Tracker);
    private IReadOnlyList<DetectedFace> lastDetections = [];
    private int processed;
    private int index;
    private bool ended;

    /// <summary>The next processed frame, or null at the end of the source or after MaxFrames.</summary>
    public DetectedFrame? Next()
    {
        if (ended || options.MaxFrames is { } max && processed >= max) return null;
        if (processed > 0)
        {
            // Skip to the next frame to process.
            for (var skip = 1; skip < options.Every; skip++, index++)
            {
                if (!reader.Skip()) { ended = true; return null; }
            }
        }
        var image = reader.Read(out var time, out var name);
        if (image is null) { ended = true; return null; }
        try
        {
            var frame = Analyze(image, time, name);
            processed++;
            index++;
            return frame;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    private DetectedFrame Analyze(OpenCvSharp.Mat image, double time, string? name)
    {
        IReadOnlyList<TrackedFace> faces;
        var margin = options.FaceMargin;
        if (detector is null)
        {
            faces = tracker.Update([new FaceBox(0, 0, image.Width, image.Height)]);
            margin = 0;
        }
        else
        {
            // Between detections (DetectEvery > 1) the faces stay where they were last found.
            if (processed % options.DetectEvery == 0) lastDetections = detector.DetectFaces(image);
            faces = tracker.Update([.. lastDetections.Select(d => d.Box)]);
        }
        var crops = new FaceInput[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var pixels = new byte[FaceImage.FrameBytes];
            if (options.AlignFaces && detector is not null && LandmarksFor(faces[i].Box) is { } landmarks)
                FaceAligner.Crop(image, landmarks, pixels);
            else
                FaceCropper.Crop(image, faces[i].Box, margin, pixels);
            crops[i] = new FaceInput(faces[i].TrackId, pixels);
        }
        return new DetectedFrame(index, time, name, image, faces, crops, tracker.LiveTrackIds);
    }

    /// <summary>
    /// The landmarks of the last detection that best overlaps <paramref name="box"/>, moved with the box
    /// (between detections a tracked box may have moved on), or null when none overlaps or the detector
    /// gives no landmarks. Matched by overlap rather than by index so any tracker order works.
    /// </summary>
    private FaceLandmarks? LandmarksFor(FaceBox box)
    {
        DetectedFace? best = null;
        var bestIou = 0.3;
        foreach (var d in lastDetections)
        {
            var iou = d.Box.IntersectionOverUnion(box);
            if (d.Landmarks is not null && iou >= bestIou) (best, bestIou) = (d, iou);
        }
        return best?.Landmarks?.Relocate(best.Box, box);
    }

    public void Dispose() => detector?.Dispose();
}
