using EmotionNet.Core.Imaging;
using EmotionNet.Inference.Recognition;
using EmotionNet.Inference.Tracking;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// The first pipeline stage: reads frames (skipping per <see cref="AnalyzerOptions.Every"/>), detects
/// faces (or takes the whole image), tracks them and crops them. Runs on its own thread while the
/// model works on the previous frame. Images of a folder are independent photos unless
/// <see cref="AnalyzerOptions.Sequence"/>: each is detected, and its faces get fresh ids never linked
/// to another photo's (so nothing is smoothed or carried across files).
/// </summary>
internal sealed class FaceStage(FrameReader reader, AnalyzerOptions options) : IDisposable
{
    private readonly IFaceDetector? detector = options.FacesCropped ? null : FaceDetectors.Create(options.Detector);
    private readonly FaceTracker tracker = new(options.Tracker);
    private readonly bool independentPhotos = options.IndependentPhotos(reader.Info.Kind);
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
        var skippedBefore = reader.SkippedCount;
        var image = reader.Read(out var time, out var name);
        // Files of a folder skipped as unreadable still take their place: a frame's index is its file's.
        index += reader.SkippedCount - skippedBefore;
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
        byte[][] crops;
        if (independentPhotos) tracker.Reset();
        if (detector is null)
        {
            faces = tracker.Update([new FaceBox(0, 0, image.Width, image.Height)]);
            margin = 0;
            crops = CropAll(image, faces.Select(f => f.Box).ToArray(), margin, null);
        }
        else if (independentPhotos || processed % options.DetectEvery == 0)
        {
            lastDetections = detector.DetectFaces(image);
            var boxes = lastDetections.Select(d => d.Box).ToArray();
            // Crop first: the crops give the tracker each face's appearance for re-identification.
            crops = CropAll(image, boxes, margin, lastDetections.Select(d => d.Landmarks).ToArray());
            faces = tracker.Update(boxes, options.Tracker.Reidentify ? crops.Select(c => FaceAppearance.Describe(c)).ToArray() : null);
        }
        else
        {
            // Between detections (DetectEvery > 1) the faces move with their predicted motion (or stay, with Predict off).
            // A box predicted past the frame's edge is clipped to it; one wholly outside is left out of this frame.
            var bounds = new FaceBox(0, 0, image.Width, image.Height);
            faces = tracker.Coast().Select(f => f with { Box = Clip(f.Box, bounds) }).Where(f => f.Box.Area > 0).ToArray();
            crops = CropAll(image, faces.Select(f => f.Box).ToArray(), margin, faces.Select(f => LandmarksFor(f.Box)).ToArray());
        }
        var inputs = new FaceInput[faces.Count];
        for (var i = 0; i < faces.Count; i++) inputs[i] = new FaceInput(faces[i].TrackId, crops[i]);
        return new DetectedFrame(index, time, name, image, faces, inputs, tracker.LiveTrackIds);
    }

    /// <summary>
    /// One 48x48 face per box: aligned on its landmarks (eyes level, FER2013 framing) where they are
    /// known and <see cref="AnalyzerOptions.AlignFaces"/> is on, else the box plus the margin.
    /// </summary>
    private byte[][] CropAll(OpenCvSharp.Mat image, FaceBox[] boxes, double margin, FaceLandmarks?[]? landmarks)
    {
        var crops = new byte[boxes.Length][];
        for (var i = 0; i < boxes.Length; i++)
        {
            crops[i] = new byte[FaceImage.FrameBytes];
            FaceCrop.Crop(image, boxes[i], landmarks?[i], options.AlignFaces, margin, crops[i]);
        }
        return crops;
    }

    /// <summary>
    /// The landmarks of the last detection that best overlaps <paramref name="box"/>, moved with the box
    /// (between detections a tracked box moves on), or null when none overlaps or the detector gives no
    /// landmarks. Matched by overlap rather than by index so any tracker order works.
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

    private static FaceBox Clip(FaceBox box, FaceBox bounds)
    {
        var x0 = Math.Max(box.X, bounds.X);
        var y0 = Math.Max(box.Y, bounds.Y);
        var x1 = Math.Min(box.Right, bounds.Right);
        var y1 = Math.Min(box.Bottom, bounds.Bottom);
        return x1 <= x0 || y1 <= y0 ? default : new FaceBox(x0, y0, x1 - x0, y1 - y0);
    }

    public void Dispose() => detector?.Dispose();
}
