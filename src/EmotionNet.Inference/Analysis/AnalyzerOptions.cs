using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Options;
using EmotionNet.Inference.Recognition;
using EmotionNet.Inference.Tracking;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Analysis;

/// <summary>How a source is analyzed. Every property has a documented default.</summary>
public sealed record AnalyzerOptions
{
    /// <summary>The defaults.</summary>
    public static AnalyzerOptions Default { get; } = new();

    /// <summary>Process every Nth frame of the source, skipping the others (default 1: every frame).</summary>
    public int Every { get; init; } = 1;

    /// <summary>Stop after this many processed frames (default null: the whole source; a camera runs until cancelled).</summary>
    public int? MaxFrames { get; init; }

    /// <summary>
    /// Run the face detector on every Nth processed frame only; in between, the tracked faces move with
    /// their predicted motion (<see cref="TrackerOptions.Predict"/>; without it they keep the boxes last
    /// found) (default 3). Independent photos (a folder without <see cref="Sequence"/>) are detected one by one regardless. The Haar cascade is the largest cost of a frame (about two thirds
    /// of it on one thread, see docs/benchmarks-inference.md), so 3 cuts that cost to a third. The price, at 30 fps: a face
    /// that appears is picked up at most 2 frames (67 ms) late, a face that leaves is reported up to 2
    /// frames longer, and a moving face's box is extrapolated over up to 2 frames of motion (it lagged by
    /// up to 2 frames before prediction). 1 detects on every frame.
    /// </summary>
    public int DetectEvery { get; init; } = 3;

    /// <summary>
    /// Threads the classifier may use during the run (default 0: nothing is changed, the classifier keeps the
    /// threads it has). A positive count asks the classifier for that many for the run
    /// (<see cref="IEmotionClassifier.UseThreads"/>) and gives them back when it ends. For a libtorch classifier
    /// (EmotionNet.Torch's <c>EmotionClassifier</c>) that count is libtorch's, which is process-wide: ask for it
    /// when the run may set it for the whole process, as a command-line tool may. An ONNX Runtime classifier's
    /// count is its own. The face stage (decode, detect, crop) runs on its own thread beside the model, so more
    /// model threads than <see cref="SuggestedModelThreads"/> only spin against it: with both of 2 cores given to
    /// libtorch the model ran 5 to 100 times slower under load.
    /// </summary>
    public int ModelThreads { get; init; }

    /// <summary>Half the logical cores, at least 1: the model's share beside the face stage's thread, what <c>emotionnet analyze</c> asks for.</summary>
    public static int SuggestedModelThreads => Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Treat every frame as an already cropped face: no detection, the whole image is face 1 (default false).</summary>
    public bool FacesCropped { get; init; }

    /// <summary>Margin added around a detected face before cropping, as a fraction of its size on each side (default 0.1).</summary>
    public double FaceMargin { get; init; } = FaceCropper.DefaultMargin;

    /// <summary>
    /// Crop faces the detector gives landmarks for (YuNet) aligned: rotated so the eyes are level and
    /// framed like FER2013's faces (<see cref="FaceAligner"/>), instead of the box plus
    /// <see cref="FaceMargin"/> (default true). Faces without landmarks (Haar) always use the box.
    /// </summary>
    public bool AlignFaces { get; init; } = true;

    /// <summary>Frame rate that gives image sequences their timestamps (default 30: image i is at i / 30 s).</summary>
    public double ImageSequenceFps { get; init; } = 30;

    /// <summary>
    /// Treat the images of a folder as frames of one sequence (a burst, frames exported from a video):
    /// faces are tracked across images, their probabilities smoothed, and the detector runs every
    /// <see cref="DetectEvery"/>-th image (default false). Without it a folder holds independent photos:
    /// the detector runs on every photo, each photo's faces get ids of their own (unique over the run,
    /// never linked to another photo's), and no probability is smoothed or carried across files.
    /// Videos and cameras are always sequences.
    /// </summary>
    public bool Sequence { get; init; }

    /// <summary>Whether a source of <paramref name="kind"/> is read as independent photos (images without <see cref="Sequence"/>).</summary>
    internal bool IndependentPhotos(SourceKind kind) => !Sequence && kind is SourceKind.Image or SourceKind.ImageSequence;

    /// <summary>
    /// Largest image or video frame accepted, in pixels (width x height; default 100,000,000, e.g.
    /// 10000x10000; an 8K frame is 33 million). An image's size is read from its file header before it is
    /// decoded, so a small file declaring a huge image (a decompression bomb: 875 KB declaring 30000x30000
    /// took 15 GB to decode) is refused without allocating it; in a folder it is skipped and listed, a
    /// single image or a video whose frames are larger is an error naming the file. Decoding memory grows
    /// with the pixel count, so the limit bounds it too.
    /// </summary>
    public long MaxImagePixels { get; init; } = DefaultMaxImagePixels;

    /// <summary>The default of <see cref="MaxImagePixels"/>.</summary>
    public const long DefaultMaxImagePixels = 100_000_000;

    /// <summary>Face detector settings (default <see cref="DetectorOptions.Default"/>).</summary>
    public DetectorOptions Detector { get; init; } = DetectorOptions.Default;

    /// <summary>Face tracker settings (default <see cref="TrackerOptions.Default"/>).</summary>
    public TrackerOptions Tracker { get; init; } = TrackerOptions.Default;

    /// <summary>Recognizer settings (default <see cref="RecognizerOptions.Default"/>).</summary>
    public RecognizerOptions Recognizer { get; init; } = RecognizerOptions.Default;

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public AnalyzerOptions Validate()
    {
        var check = new OptionCheck(nameof(AnalyzerOptions));
        check.Require(Every, Every >= 1, "must be at least 1");
        check.Require(DetectEvery, DetectEvery >= 1, "must be at least 1");
        check.Require(ModelThreads, ModelThreads >= 0, "must be 0 (the classifier's own) or more");
        check.Require(MaxFrames, MaxFrames is null or >= 1, "must be at least 1");
        check.Require(FaceMargin, FaceMargin is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(ImageSequenceFps, ImageSequenceFps > 0, "must be positive");
        check.Require(MaxImagePixels, MaxImagePixels >= 1, "must be at least 1");
        ArgumentNullException.ThrowIfNull(Detector);
        ArgumentNullException.ThrowIfNull(Tracker);
        ArgumentNullException.ThrowIfNull(Recognizer);
        Detector.Validate();
        Tracker.Validate();
        Recognizer.Validate();
        return this;
    }
}
