using EmotionNet.Inference.Faces;
using EmotionNet.Inference.Recognition;
using EmotionNet.Inference.Tracking;

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
    /// Run the face detector on every Nth processed frame only; in between, the tracked faces keep the
    /// boxes last found (default 3). The Haar cascade is the largest cost of a frame (about two thirds
    /// of it on one thread, see docs/benchmarks-inference.md), so 3 cuts that cost to a third. The price, at 30 fps: a face
    /// that appears is picked up at most 2 frames (67 ms) late, a face that leaves is reported up to 2
    /// frames longer, and a moving face's box lags by up to 2 frames of motion. 1 detects on every frame.
    /// </summary>
    public int DetectEvery { get; init; } = 3;

    /// <summary>
    /// Threads libtorch may use for the model (default 0: half the logical cores, at least 1). The face
    /// stage (decode, detect, crop) runs on its own thread beside the model, so more model threads only
    /// spin against it: with both of 2 cores given to libtorch the model ran 5 to 100 times slower under
    /// load. libtorch's thread count is process-wide: the analyzer sets it when it starts a run with an
    /// <see cref="EmotionNet.Models.EmotionClassifier"/>, and it stays set afterwards.
    /// </summary>
    public int ModelThreads { get; init; }

    /// <summary><see cref="ModelThreads"/> with 0 resolved to half the logical cores (at least 1).</summary>
    public int EffectiveModelThreads => ModelThreads > 0 ? ModelThreads : Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Treat every frame as an already cropped face: no detection, the whole image is face 1 (default false).</summary>
    public bool FacesCropped { get; init; }

    /// <summary>Margin added around a detected face before cropping, as a fraction of its size on each side (default 0.1).</summary>
    public double FaceMargin { get; init; } = FaceCropper.DefaultMargin;

    /// <summary>Frame rate that gives image sequences their timestamps (default 30: image i is at i / 30 s).</summary>
    public double ImageSequenceFps { get; init; } = 30;

    /// <summary>Face detector settings (default <see cref="DetectorOptions.Default"/>).</summary>
    public DetectorOptions Detector { get; init; } = DetectorOptions.Default;

    /// <summary>Face tracker settings (default <see cref="TrackerOptions.Default"/>).</summary>
    public TrackerOptions Tracker { get; init; } = TrackerOptions.Default;

    /// <summary>Recognizer settings (default <see cref="RecognizerOptions.Default"/>).</summary>
    public RecognizerOptions Recognizer { get; init; } = RecognizerOptions.Default;

    /// <summary>Throws an <see cref="EmotionNetException"/> naming the first out-of-range field.</summary>
    public void Validate()
    {
        if (Every < 1) throw new EmotionNetException($"AnalyzerOptions.Every must be at least 1 (got {Every}).");
        if (DetectEvery < 1) throw new EmotionNetException($"AnalyzerOptions.DetectEvery must be at least 1 (got {DetectEvery}).");
        if (ModelThreads < 0) throw new EmotionNetException($"AnalyzerOptions.ModelThreads must be 0 (automatic) or more (got {ModelThreads}).");
        if (MaxFrames is < 1) throw new EmotionNetException($"AnalyzerOptions.MaxFrames must be at least 1 (got {MaxFrames}).");
        if (!(FaceMargin >= 0 && FaceMargin <= 1)) throw new EmotionNetException($"AnalyzerOptions.FaceMargin must be in [0, 1] (got {FaceMargin}).");
        if (!(ImageSequenceFps > 0)) throw new EmotionNetException($"AnalyzerOptions.ImageSequenceFps must be positive (got {ImageSequenceFps}).");
        ArgumentNullException.ThrowIfNull(Detector);
        ArgumentNullException.ThrowIfNull(Tracker);
        ArgumentNullException.ThrowIfNull(Recognizer);
        Detector.Validate();
        Tracker.Validate();
        Recognizer.Validate();
    }
}
