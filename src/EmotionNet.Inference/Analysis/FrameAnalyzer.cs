using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Imaging;
using EmotionNet.Inference.Recognition;
using EmotionNet.Inference.Tracking;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// Analyzes decoded frames one at a time, keeping one stream's state: the face tracker (ids stable from
/// frame to frame) and the recognizer (each face's recent frames, or its LSTM state). The per-frame core of
/// <see cref="EmotionAnalyzer"/>, for frames an application holds in memory (a camera SDK's, an upload's):
/// faces are detected on every <see cref="AnalyzerOptions.DetectEvery"/>-th frame and followed by the
/// tracker in between, cropped (aligned on their landmarks, or the box plus <see cref="AnalyzerOptions.FaceMargin"/>),
/// and recognized together in one classifier call, as <see cref="EmotionAnalyzer"/> treats a video's frames.
/// One instance per stream; unrelated photos take one each (ids start again at 1 and nothing is smoothed
/// across them; an instance costs a few small objects). Not thread-safe. The detector is given with each
/// frame, so that streams can share a <see cref="FaceDetectorPool"/>.
/// </summary>
public sealed class FrameAnalyzer
{
    private readonly FaceTracker tracker;
    private readonly EmotionRecognizer recognizer;
    private readonly bool independentPhotos;
    private IReadOnlyList<DetectedFace> lastDetections = [];
    private int located;

    /// <summary>An analyzer of one stream of frames over <paramref name="classifier"/> (the caller keeps ownership).</summary>
    /// <exception cref="EmotionNet.Core.Options.OptionsException">An option is out of range.</exception>
    public FrameAnalyzer(IEmotionClassifier classifier, AnalyzerOptions? options = null)
        : this(classifier, options, independentPhotos: false)
    {
    }

    /// <param name="classifier">The model.</param>
    /// <param name="options">The settings.</param>
    /// <param name="independentPhotos">Each frame is a photo of its own (a folder without <see cref="AnalyzerOptions.Sequence"/>): detected, its faces given fresh ids.</param>
    internal FrameAnalyzer(IEmotionClassifier classifier, AnalyzerOptions? options, bool independentPhotos)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        Options = (options ?? AnalyzerOptions.Default).Validate();
        tracker = new FaceTracker(Options.Tracker);
        recognizer = new EmotionRecognizer(classifier, Options.Recognizer);
        this.independentPhotos = independentPhotos;
    }

    /// <summary>The settings in use. <see cref="AnalyzerOptions.Detector"/> is not read here: the detector given with each frame brings its own.</summary>
    public AnalyzerOptions Options { get; }

    /// <summary>
    /// The faces in <paramref name="frame"/>, each with its tracked id and its emotion (followed over the
    /// face's frames). The result's <see cref="FrameResult.FrameIndex"/> counts the frames given to this
    /// analyzer, from 0.
    /// </summary>
    /// <param name="frame">A decoded grey, BGR or BGRA frame; read, neither kept nor changed.</param>
    /// <param name="detector">Finds the faces when a detection is due; used during this call only. May be null with <see cref="AnalyzerOptions.FacesCropped"/>.</param>
    /// <param name="timeSeconds">The frame's time as the caller knows it, copied into the result (default 0).</param>
    /// <exception cref="EmotionNet.Core.EmotionNetException">The detector failed on this frame.</exception>
    public FrameResult Analyze(Mat frame, IFaceDetector? detector, double timeSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Empty()) throw new ArgumentException("The frame is empty (no pixels).", nameof(frame));
        if (!Options.FacesCropped) ArgumentNullException.ThrowIfNull(detector);
        return Recognize(Locate(frame, detector, located, timeSeconds, null));
    }

    /// <summary>
    /// The first stage: detects (when due) or follows the faces of <paramref name="image"/>, tracks and crops
    /// them. <see cref="EmotionAnalyzer"/> runs it on its decoding thread, one frame after the other, and
    /// <see cref="Recognize"/> on the frames in the same order on another: the tracker is this stage's
    /// alone, the recognizer the other's.
    /// </summary>
    internal DetectedFrame Locate(Mat image, IFaceDetector? detector, int index, double time, string? name)
    {
        IReadOnlyList<TrackedFace> faces;
        FaceLandmarks?[] landmarks;
        byte[][] crops;
        if (independentPhotos) tracker.Reset();
        if (Options.FacesCropped)
        {
            faces = tracker.Update([new FaceBox(0, 0, image.Width, image.Height)]);
            landmarks = new FaceLandmarks?[faces.Count];
            crops = CropAll(image, Boxes(faces), 0, landmarks);
        }
        else if (independentPhotos || located % Options.DetectEvery == 0)
        {
            lastDetections = detector!.DetectFaces(image);
            var boxes = lastDetections.Select(d => d.Box).ToArray();
            landmarks = lastDetections.Select(d => d.Landmarks).ToArray();
            // Crop first: the crops give the tracker each face's appearance for re-identification.
            crops = CropAll(image, boxes, Options.FaceMargin, landmarks);
            faces = tracker.Update(boxes, Options.Tracker.Reidentify ? crops.Select(c => FaceAppearance.Describe(c)).ToArray() : null);
        }
        else
        {
            // Between detections (DetectEvery > 1) the faces move with their predicted motion (or stay, with Predict off).
            // A box predicted past the frame's edge is clipped to it; one wholly outside is left out of this frame.
            var bounds = new FaceBox(0, 0, image.Width, image.Height);
            faces = tracker.Coast().Select(f => f with { Box = Clip(f.Box, bounds) }).Where(f => f.Box.Area > 0).ToArray();
            landmarks = faces.Select(f => LandmarksFor(f.Box)).ToArray();
            crops = CropAll(image, Boxes(faces), Options.FaceMargin, landmarks);
        }
        located++;
        var inputs = new FaceInput[faces.Count];
        for (var i = 0; i < faces.Count; i++) inputs[i] = new FaceInput(faces[i].TrackId, crops[i]);
        return new DetectedFrame(index, time, name, image, faces, landmarks, inputs, tracker.LiveTrackIds);
    }

    /// <summary>The second stage: all faces of a located frame recognized in one classifier call.</summary>
    internal FrameResult Recognize(DetectedFrame frame)
    {
        recognizer.Retain(frame.LiveTrackIds);
        var image = frame.Image;
        if (frame.Faces.Count == 0) return new FrameResult(frame.Index, frame.TimeSeconds, image.Width, image.Height, [], frame.Name);
        var predictions = recognizer.Recognize(frame.Crops);
        var results = new FaceResult[frame.Faces.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var p = predictions[i];
            results[i] = new FaceResult(frame.Faces[i].TrackId, frame.Faces[i].Box, p.Probabilities, p.Label, p.Confidence, p.Uncertain) { Landmarks = frame.Landmarks[i] };
        }
        return new FrameResult(frame.Index, frame.TimeSeconds, image.Width, image.Height, results, frame.Name);
    }

    private static FaceBox[] Boxes(IReadOnlyList<TrackedFace> faces) => faces.Select(f => f.Box).ToArray();

    /// <summary>
    /// One 48x48 face per box: aligned on its landmarks (eyes level, FER2013 framing) where they are
    /// known and <see cref="AnalyzerOptions.AlignFaces"/> is on, else the box plus the margin.
    /// </summary>
    private byte[][] CropAll(Mat image, FaceBox[] boxes, double margin, FaceLandmarks?[] landmarks)
    {
        var crops = new byte[boxes.Length][];
        for (var i = 0; i < boxes.Length; i++)
        {
            crops[i] = new byte[FaceImage.FrameBytes];
            FaceCrop.Crop(image, boxes[i], landmarks[i], Options.AlignFaces, margin, crops[i]);
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
}
