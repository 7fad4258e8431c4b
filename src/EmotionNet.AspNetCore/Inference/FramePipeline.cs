using EmotionNet.Core.Imaging;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Recognition;
using EmotionNet.Inference.Tracking;
using EmotionNet.Core.Classifiers;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

namespace EmotionNet.AspNetCore.Inference;

/// <summary>
/// Detection, cropping, tracking and recognition of decoded frames, the way EmotionAnalyzer's face
/// stage does them for files: faces cropped aligned on their landmarks (or box plus margin), tracked
/// with their appearance, all faces of a frame recognized in one classifier call. One pipeline per
/// image request (a fresh tracker: ids 1, 2, ... left to right) or per stream connection (ids and
/// smoothing carried across its frames). Not thread-safe; the detector is lent per frame.
/// </summary>
internal sealed class FramePipeline(IEmotionClassifier classifier, AnalyzerOptions options)
{
    private readonly FaceTracker tracker = new(options.Tracker);
    private readonly EmotionRecognizer recognizer = new(classifier, options.Recognizer);

    /// <summary>The faces in <paramref name="image"/> (BGR or grey), left to right, each with its emotion.</summary>
    public IReadOnlyList<AnalyzedFace> Analyze(Mat image, IFaceDetector detector)
    {
        var detections = detector.DetectFaces(image);
        var boxes = detections.Select(d => d.Box).ToArray();
        var crops = new byte[boxes.Length][];
        for (var i = 0; i < boxes.Length; i++)
        {
            crops[i] = new byte[FaceImage.FrameBytes];
            if (options.AlignFaces && detections[i].Landmarks is { } points) FaceAligner.Crop(image, points, crops[i]);
            else FaceCropper.Crop(image, boxes[i], options.FaceMargin, crops[i]);
        }
        var appearances = options.Tracker.Reidentify ? crops.Select(c => FaceAppearance.Describe(c)).ToArray() : null;
        var tracked = tracker.Update(boxes, appearances);
        recognizer.Retain(tracker.LiveTrackIds);
        if (tracked.Count == 0) return [];

        var inputs = new FaceInput[tracked.Count];
        for (var i = 0; i < inputs.Length; i++) inputs[i] = new FaceInput(tracked[i].TrackId, crops[i]);
        var predictions = recognizer.Recognize(inputs);
        var faces = new AnalyzedFace[tracked.Count];
        for (var i = 0; i < faces.Length; i++)
        {
            var p = predictions[i];
            faces[i] = new AnalyzedFace(new FaceResult(tracked[i].TrackId, tracked[i].Box, p.Probabilities, p.Label, p.Confidence, p.Uncertain), detections[i].Landmarks);
        }
        return faces;
    }
}
