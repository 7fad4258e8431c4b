using System.Runtime.CompilerServices;
using EmotionNet.Imaging;
using EmotionNet.Inference.Faces;
using EmotionNet.Inference.Recognition;
using EmotionNet.Inference.Sources;
using EmotionNet.Inference.Tracking;
using EmotionNet.Models;
using EmotionNet.Runtime;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// The streaming pipeline: decode a frame, detect faces (or take the whole image with
/// <see cref="AnalyzerOptions.FacesCropped"/>), track them, crop them to 48x48 grey, and recognize
/// all faces of the frame in one classifier call. One analyzer may run several sources one after the
/// other; each run has its own detector, tracker and recognizer state.
/// </summary>
public sealed class EmotionAnalyzer
{
    private readonly IEmotionClassifier classifier;

    /// <summary>Creates an analyzer over <paramref name="classifier"/> (the caller keeps ownership).</summary>
    public EmotionAnalyzer(IEmotionClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        this.classifier = classifier;
    }

    /// <summary>The classifier used.</summary>
    public IEmotionClassifier Classifier => classifier;

    /// <summary>Opens <paramref name="source"/> just long enough to tell its frame count, rate and size.</summary>
    /// <exception cref="EmotionNetException">The source cannot be opened (corrupt video, absent camera).</exception>
    public static SourceInfo Describe(InputSource source, AnalyzerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        NativeRuntime.EnsureOpenCv();
        using var reader = FrameReader.Open(source, (options ?? AnalyzerOptions.Default).ImageSequenceFps);
        return reader.Info;
    }

    /// <summary>Analyzes <paramref name="source"/> frame by frame, yielding each processed frame's faces and emotions.</summary>
    /// <exception cref="EmotionNetException">The source cannot be read (missing, corrupt, unsupported, absent camera) or an option is out of range.</exception>
    public async IAsyncEnumerable<FrameResult> AnalyzeAsync(InputSource source, AnalyzerOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var frame in AnalyzeFramesAsync(source, options, cancellationToken).ConfigureAwait(false))
            yield return frame.Result;
    }

    /// <summary>Like <see cref="AnalyzeAsync"/>, also handing out each decoded frame (disposed when the enumeration moves on).</summary>
    internal async IAsyncEnumerable<AnalyzedFrame> AnalyzeFramesAsync(InputSource source, AnalyzerOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= AnalyzerOptions.Default;
        options.Validate();
        NativeRuntime.EnsureOpenCv();
        await Task.Yield();

        using var reader = FrameReader.Open(source, options.ImageSequenceFps);
        using var detector = options.FacesCropped ? null : new HaarFaceDetector(options.Detector);
        var tracker = new FaceTracker(options.Tracker);
        var recognizer = new EmotionRecognizer(classifier, options.Recognizer);
        var processed = 0;
        var index = 0;
        while (options.MaxFrames is not { } max || processed < max)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var image = reader.Read(out var time, out var name);
            if (image is null) break;
            var result = Process(image, index, time, name, options, detector, tracker, recognizer);
            processed++;
            yield return new AnalyzedFrame(result, image);

            index++;
            var ended = false;
            for (var skip = 1; skip < options.Every; skip++, index++)
            {
                if (!reader.Skip()) { ended = true; break; }
            }
            if (ended) break;
        }
    }

    private static FrameResult Process(OpenCvSharp.Mat image, int index, double time, string? name, AnalyzerOptions options,
        HaarFaceDetector? detector, FaceTracker tracker, EmotionRecognizer recognizer)
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
            faces = tracker.Update(detector.Detect(image));
        }
        recognizer.Retain(tracker.LiveTrackIds);
        if (faces.Count == 0) return new FrameResult(index, time, image.Width, image.Height, [], name);

        var inputs = new FaceInput[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var pixels = new byte[FaceImage.FrameBytes];
            FaceCropper.Crop(image, faces[i].Box, margin, pixels);
            inputs[i] = new FaceInput(faces[i].TrackId, pixels);
        }
        var predictions = recognizer.Recognize(inputs);
        var results = new FaceResult[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var p = predictions[i];
            results[i] = new FaceResult(faces[i].TrackId, faces[i].Box, p.Probabilities, p.Label, p.Confidence, p.Uncertain);
        }
        return new FrameResult(index, time, image.Width, image.Height, results, name);
    }
}
