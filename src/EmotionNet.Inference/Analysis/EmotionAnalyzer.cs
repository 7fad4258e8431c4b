using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EmotionNet.Core;
using EmotionNet.Core.Classifiers;
using EmotionNet.Vision;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// The streaming pipeline: decode a frame, detect faces (or take the whole image with
/// <see cref="AnalyzerOptions.FacesCropped"/>), track them, crop them to 48x48 grey, and recognize
/// all faces of the frame in one classifier call. One analyzer may run several sources, one after the
/// other or at once; each run has its own tracker and recognizer state and a face detector of its own,
/// which the analyzer keeps for the next run (building one loads its model), so keep one analyzer for
/// many images rather than one per image. <see cref="FrameAnalyzer"/> analyzes frames the application
/// decodes itself.
/// </summary>
public sealed class EmotionAnalyzer : IDisposable
{
    private readonly IEmotionClassifier classifier;
    private readonly Lock detectorsGate = new();
    private FaceDetectorPool? detectors;
    private bool disposed;

    /// <summary>Creates an analyzer over <paramref name="classifier"/> (the caller keeps ownership of it; dispose the analyzer to free its detectors).</summary>
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
        OpenCvRuntime.Ensure();
        options ??= AnalyzerOptions.Default;
        using var reader = FrameReader.Open(source, options.ImageSequenceFps, options.MaxImagePixels);
        return reader.Info;
    }

    /// <summary>Analyzes <paramref name="source"/> frame by frame, yielding each processed frame's faces and emotions.</summary>
    /// <exception cref="EmotionNetException">The source cannot be read (missing, corrupt, unsupported, absent camera) or an option is out of range.</exception>
    public IAsyncEnumerable<FrameResult> AnalyzeAsync(InputSource source, AnalyzerOptions? options = null, CancellationToken cancellationToken = default) =>
        AnalyzeAsync(source, options, null, cancellationToken);

    /// <summary>
    /// Like <see cref="AnalyzeAsync(InputSource, AnalyzerOptions?, CancellationToken)"/>, telling
    /// <paramref name="skipped"/> (on the enumerating thread, in file order, before the next frame or at
    /// the end) about each file of a folder that could not be read and was passed over: a corrupt or
    /// empty image, or one over <see cref="AnalyzerOptions.MaxImagePixels"/>. A single image that cannot be
    /// read is still an <see cref="EmotionNetException"/>.
    /// </summary>
    /// <exception cref="EmotionNetException">The source cannot be read (missing, corrupt, unsupported, absent camera, frames over the pixel limit) or an option is out of range.</exception>
    public async IAsyncEnumerable<FrameResult> AnalyzeAsync(InputSource source, AnalyzerOptions? options, Action<SkippedInput>? skipped, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var frame in AnalyzeFramesAsync(source, options, null, cancellationToken, skipped).ConfigureAwait(false))
            yield return frame.Result;
    }

    /// <summary>
    /// Analyzes one image file: the faces found, left to right, each with its emotion. The shortest way
    /// from a picture to a prediction; <see cref="AnalyzeAsync(InputSource, AnalyzerOptions?, CancellationToken)"/> streams folders, videos and cameras.
    /// Each call is a photo of its own (face ids from 1, nothing smoothed across calls); calls may run at once.
    /// The image is decoded, detected and classified one step after the other on a pool thread, with
    /// the classifier's own thread count (<see cref="AnalyzerOptions.ModelThreads"/> is for streamed runs,
    /// where decoding runs beside the model).
    /// </summary>
    /// <exception cref="EmotionNetException">The path is missing, is not an image, or cannot be decoded.</exception>
    public async Task<FrameResult> AnalyzeImageAsync(string imagePath, AnalyzerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var source = InputSource.FromPath(imagePath);
        if (source.Kind != SourceKind.Image)
            throw new EmotionNetException($"'{imagePath}' is not one image ({source.Kind}): AnalyzeImageAsync reads a single image file; AnalyzeAsync reads folders and videos.");
        options ??= AnalyzerOptions.Default;
        options.Validate();
        OpenCvRuntime.Ensure();
        return await Task.Run(() => AnalyzeImage(source, options, imagePath), cancellationToken).ConfigureAwait(false);
    }

    private FrameResult AnalyzeImage(InputSource source, AnalyzerOptions options, string imagePath)
    {
        using var reader = FrameReader.Open(source, options.ImageSequenceFps, options.MaxImagePixels);
        using var image = reader.Read(out var time, out var name) ?? throw new EmotionNetException($"Image '{imagePath}' gave no frame to analyze.");
        var frames = new FrameAnalyzer(classifier, options, options.IndependentPhotos(source.Kind));
        var pool = options.FacesCropped ? null : Detectors(options.Detector);
        var detector = pool?.Rent();
        try
        {
            return frames.Recognize(frames.Locate(image, detector, 0, time, name));
        }
        finally
        {
            if (detector is not null) pool!.Return(detector);
        }
    }

    /// <summary>
    /// Like <see cref="AnalyzeAsync(InputSource, AnalyzerOptions?, CancellationToken)"/>, also handing out each decoded frame (disposed when the enumeration
    /// moves on), and telling <paramref name="opened"/> what the source is once it is open. Two stages overlap: decoding, detection, tracking and cropping of the next frame run on a
    /// worker thread while the classifier works on the current one.
    /// </summary>
    internal async IAsyncEnumerable<AnalyzedFrame> AnalyzeFramesAsync(InputSource source, AnalyzerOptions? options, Action<SourceInfo>? opened, [EnumeratorCancellation] CancellationToken cancellationToken, Action<SkippedInput>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= AnalyzerOptions.Default;
        options.Validate();
        OpenCvRuntime.Ensure();

        // Opening checks the source (corrupt video, absent camera) before any work starts.
        using var reader = FrameReader.Open(source, options.ImageSequenceFps, options.MaxImagePixels);
        opened?.Invoke(reader.Info);
        // Only when the caller asks: the classifier's threads for this run, given back after it.
        using var threads = options.ModelThreads > 0 ? classifier.UseThreads(options.ModelThreads) : null;
        var frames = new FrameAnalyzer(classifier, options, options.IndependentPhotos(reader.Info.Kind));
        var pool = options.FacesCropped ? null : Detectors(options.Detector);
        var channel = Channel.CreateBounded<DetectedFrame>(new BoundedChannelOptions(PipelineDepth) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => Produce(reader, options, frames, pool, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                if (!channel.Reader.TryRead(out var frame)) continue;
                ReportSkipped(reader, skipped);
                using (frame.Image)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return new AnalyzedFrame(frames.Recognize(frame), frame.Image);
                }
            }
            await producer.ConfigureAwait(false); // rethrows a read or detection error
            ReportSkipped(reader, skipped);
            cancellationToken.ThrowIfCancellationRequested(); // the producer stops quietly on cancellation
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or EmotionNetException)
            {
                // Already reported above, or the consumer stopped early.
            }
            while (channel.Reader.TryRead(out var left)) left.Image.Dispose();
        }
    }

    // On the consumer's thread: files the producer passed over since the last call.
    private static void ReportSkipped(FrameReader reader, Action<SkippedInput>? skipped)
    {
        while (reader.TryTakeSkipped(out var input)) skipped?.Invoke(input);
    }

    /// <summary>Frames decoded ahead of the classifier.</summary>
    private const int PipelineDepth = 2;

    private static void Produce(FrameReader reader, AnalyzerOptions options, FrameAnalyzer frames, FaceDetectorPool? pool, ChannelWriter<DetectedFrame> writer, CancellationToken stop)
    {
        IFaceDetector? detector = null;
        try
        {
            // Rented here, so that a detector that cannot be built fails the run as a read error does.
            detector = pool?.Rent();
            var stage = new FaceStage(reader, options, frames, detector);
            while (!stop.IsCancellationRequested && stage.Next() is { } frame)
            {
                // Bounded: waits while the classifier is PipelineDepth frames behind.
                if (!writer.WaitToWriteAsync(stop).AsTask().GetAwaiter().GetResult() || !writer.TryWrite(frame))
                {
                    frame.Image.Dispose();
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The consumer stopped.
        }
        finally
        {
            if (detector is not null) pool!.Return(detector);
            writer.TryComplete();
        }
    }

    /// <summary>The detectors of <paramref name="options"/>: kept from run to run; other options replace them (those in use are disposed when their run ends).</summary>
    private FaceDetectorPool Detectors(DetectorOptions options)
    {
        lock (detectorsGate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (detectors is not null && detectors.Options.Equals(options)) return detectors;
            detectors?.Dispose();
            return detectors = new FaceDetectorPool(options);
        }
    }

    /// <summary>Disposes the detectors the analyzer keeps (a run still going disposes its own when it ends). The classifier is the caller's.</summary>
    public void Dispose()
    {
        lock (detectorsGate)
        {
            disposed = true;
            detectors?.Dispose();
            detectors = null;
        }
    }
}
