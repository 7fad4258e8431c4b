using EmotionNet.Imaging;
using EmotionNet.Vision.Faces;
using EmotionNet.Inference.Recognition;
using EmotionNet.Vision.Sources;
using EmotionNet.Inference.Tracking;

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
    private readonly HaarFaceDetector? detector = options.FacesCropped ? null : new HaarFaceDetector(options.Detector);
    private readonly FaceTracker tracker = new(options.Tracker);
    private readonly bool independentPhotos = !options.Sequence && reader.Info.Kind is SourceKind.Image or SourceKind.ImageSequence;
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
            crops = CropAll(image, faces.Select(f => f.Box).ToArray(), margin);
        }
        else if (independentPhotos || processed % options.DetectEvery == 0)
        {
            var detections = detector.Detect(image);
            // Crop first: the crops give the tracker each face's appearance for re-identification.
            crops = CropAll(image, detections, margin);
            faces = tracker.Update(detections, options.Tracker.Reidentify ? crops.Select(c => FaceAppearance.Describe(c)).ToArray() : null);
        }
        else
        {
            // Between detections (DetectEvery > 1) the faces move with their predicted motion (or stay, with Predict off).
            // A box predicted past the frame's edge is clipped to it; one wholly outside is left out of this frame.
            var bounds = new FaceBox(0, 0, image.Width, image.Height);
            faces = tracker.Coast().Select(f => f with { Box = Clip(f.Box, bounds) }).Where(f => f.Box.Area > 0).ToArray();
            crops = CropAll(image, faces.Select(f => f.Box).ToArray(), margin);
        }
        var inputs = new FaceInput[faces.Count];
        for (var i = 0; i < faces.Count; i++) inputs[i] = new FaceInput(faces[i].TrackId, crops[i]);
        return new DetectedFrame(index, time, name, image, faces, inputs, tracker.LiveTrackIds);
    }

    private static byte[][] CropAll(OpenCvSharp.Mat image, IReadOnlyList<FaceBox> boxes, double margin)
    {
        var crops = new byte[boxes.Count][];
        for (var i = 0; i < boxes.Count; i++)
        {
            crops[i] = new byte[FaceImage.FrameBytes];
            FaceCropper.Crop(image, boxes[i], margin, crops[i]);
        }
        return crops;
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
