using EmotionNet.Core;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Core.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace EmotionNet.OnnxRuntime;

/// <summary>
/// An <see cref="IEmotionClassifier"/> that runs an exported EmotionNet ONNX model (<c>emotionnet export</c>)
/// on ONNX Runtime's CPU provider. It calls no TorchSharp function, so an application that only predicts
/// ships ONNX Runtime (about 20 MB) instead of libtorch. The application references an ONNX Runtime
/// native package for its platform (Microsoft.ML.OnnxRuntime); this library references the managed API only.
/// Predictions may be made from several threads; they run one at a time.
/// </summary>
public sealed class OnnxEmotionClassifier : IEmotionClassifier, IDisposable
{
    private readonly byte[] model;
    private readonly string source;
    private readonly Lock gate = new();
    private readonly RunOptions runOptions = new();
    private InferenceSession session;

    private OnnxEmotionClassifier(byte[] model, string source, OnnxClassifierOptions options)
    {
        this.model = model;
        this.source = source;
        session = CreateSession(options.Threads);
        try
        {
            var description = OnnxModelDescription.Read(session, source);
            Classes = description.Classes;
            SequenceLength = description.SequenceLength;
            Normalization = description.Normalization;
        }
        catch
        {
            session.Dispose();
            runOptions.Dispose();
            throw;
        }
    }

    /// <summary>Loads an exported EmotionNet model from a file.</summary>
    /// <exception cref="OnnxModelException">The file is missing, empty, damaged or not an EmotionNet model; the message names it.</exception>
    /// <exception cref="NativeDependencyException">ONNX Runtime's native library cannot be loaded.</exception>
    public static OnnxEmotionClassifier Load(string path, OnnxClassifierOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new OnnxModelException($"ONNX model '{path}' does not exist.");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new OnnxModelException($"ONNX model '{path}' cannot be read: {e.Message}", e); }
        return Load(bytes, path, options);
    }

    /// <summary>Loads an exported EmotionNet model held in memory; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="OnnxModelException">The bytes are empty, damaged or not an EmotionNet model.</exception>
    public static OnnxEmotionClassifier Load(byte[] model, string sourceName, OnnxClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        if (model.Length == 0) throw new OnnxModelException($"ONNX model '{sourceName}' is empty (0 bytes).");
        return new OnnxEmotionClassifier(model, sourceName, (options ?? new OnnxClassifierOptions()).Validate());
    }

    /// <summary>
    /// Loads the model that ships inside EmotionNet.OnnxRuntime (<see cref="ShippedOnnxModel"/>, the shipped
    /// checkpoint exported to ONNX): no file, no path, no libtorch.
    /// </summary>
    /// <exception cref="EmotionNetException">This build ships no model.</exception>
    /// <exception cref="NativeDependencyException">ONNX Runtime's native library cannot be loaded.</exception>
    public static OnnxEmotionClassifier LoadShipped(OnnxClassifierOptions? options = null) =>
        Load(ShippedOnnxModel.Read(), ShippedOnnxModel.SourceName, options);

    /// <inheritdoc />
    public ClassSet Classes { get; }

    /// <inheritdoc />
    public int SequenceLength { get; }

    /// <inheritdoc />
    public InputNormalization Normalization { get; }

    /// <inheritdoc />
    /// <remarks>The graph normalizes: the bytes go in as floats 0..255.</remarks>
    public float[] Predict(ReadOnlySpan<byte> frames, int clipCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clipCount);
        if (clipCount == 0) return [];
        var expected = (long)clipCount * SequenceLength * FaceImage.FrameBytes;
        if (frames.Length != expected)
            throw new ArgumentException($"Expected {expected} bytes for {clipCount} clip(s) of {SequenceLength} frame(s), got {frames.Length}.", nameof(frames));
        var values = new float[frames.Length];
        for (var i = 0; i < frames.Length; i++) values[i] = frames[i];
        using var input = OrtValue.CreateTensorValueFromMemory(values, [clipCount, SequenceLength, 1, FaceImage.Side, FaceImage.Side]);
        lock (gate)
        {
            try
            {
                using var outputs = session.Run(runOptions, [OnnxMetadataKeys.InputName], [input], [OnnxMetadataKeys.OutputName]);
                return outputs[0].GetTensorDataAsSpan<float>().ToArray();
            }
            catch (OnnxRuntimeException e)
            {
                throw new OnnxModelException($"ONNX model '{source}' failed to run: {e.Message}", e);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// ONNX Runtime fixes a session's threads when it is created, so the scope runs on a second session
    /// with <paramref name="threads"/> intra-op threads and goes back to the first when disposed. Unlike
    /// libtorch's, the count is this classifier's own, not the process's.
    /// </remarks>
    public IDisposable UseThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var scoped = CreateSession(threads);
        InferenceSession previous;
        lock (gate)
        {
            previous = session;
            session = scoped;
        }
        return new ThreadScope(this, previous, scoped);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            session.Dispose();
            runOptions.Dispose();
        }
    }

    private InferenceSession CreateSession(int threads)
    {
        try
        {
            using var sessionOptions = new SessionOptions
            {
                IntraOpNumThreads = threads,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            // ONNX Runtime's intra-op threads spin between calls by default, which pays only on otherwise idle cores. A call
            // here alternates with decoding and detection (the analyzer's, a server's other requests): spinning took the cores
            // they needed, 23-27 CPU ms per image instead of 9-10 and a third of the images per second on 2 cores
            // (docs/benchmarks-serving.md). Idle threads wait for work instead; results are the same.
            sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            return new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxModelException($"'{source}' is not a readable ONNX model (damaged, truncated, or not ONNX): {FirstLine(e.Message)}", e);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new NativeDependencyException(
                "ONNX Runtime's native library (libonnxruntime) could not be loaded. The application must reference an ONNX Runtime native " +
                $"package for its platform, e.g. Microsoft.ML.OnnxRuntime. ({e.Message})", e);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private sealed class ThreadScope(OnnxEmotionClassifier owner, InferenceSession previous, InferenceSession scoped) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            lock (owner.gate)
            {
                if (ReferenceEquals(owner.session, scoped)) owner.session = previous;
            }
            scoped.Dispose();
        }
    }
}
