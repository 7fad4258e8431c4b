using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Classifiers;

namespace EmotionNet.AspNetCore.Inference;

/// <summary>
/// One <see cref="IEmotionClassifier"/> over the pool: each call runs on whichever instance is free. The
/// calls are stateless (an <see cref="EmotionNet.Inference.Recognition.EmotionRecognizer"/> keeps each face's window or LSTM
/// state itself), so every stream and request can have its own recognizer over this one facade.
/// <see cref="IEmotionClassifier.UseThreads"/> is left as the default no-op: libtorch's thread count is
/// process-wide, and concurrent requests must not change it under each other.
/// </summary>
internal class PooledClassifier(ClassifierPool pool, IEmotionClassifier model) : IEmotionClassifier
{
    protected ClassifierPool Pool { get; } = pool;

    public ClassSet Classes { get; } = model.Classes;

    public int SequenceLength { get; } = model.SequenceLength;

    public InputNormalization Normalization { get; } = model.Normalization;

    public float[] Predict(ReadOnlySpan<byte> frames, int clipCount)
    {
        // A span cannot enter the lambda; the copy is a few kilobytes per face against milliseconds of model time.
        var copy = frames.ToArray();
        return Pool.Run(c => c.Predict(copy, clipCount));
    }

    /// <summary>A facade that offers what <paramref name="model"/> offers: the streaming and recurrent paths stay available.</summary>
    public static IEmotionClassifier Over(ClassifierPool pool, IEmotionClassifier model) => model switch
    {
        IRecurrentEmotionClassifier recurrent => new Recurrent(pool, recurrent),
        IStreamingEmotionClassifier streaming => new Streaming(pool, streaming),
        _ => new PooledClassifier(pool, model),
    };

    private class Streaming(ClassifierPool pool, IStreamingEmotionClassifier model) : PooledClassifier(pool, model), IStreamingEmotionClassifier
    {
        public int FeatureSize { get; } = model.FeatureSize;

        public float[] EncodeFrames(ReadOnlySpan<byte> frames, int frameCount)
        {
            var copy = frames.ToArray();
            return Pool.Run(c => ((IStreamingEmotionClassifier)c).EncodeFrames(copy, frameCount));
        }

        public float[] ClassifyFeatures(ReadOnlySpan<float> features, int clipCount)
        {
            var copy = features.ToArray();
            return Pool.Run(c => ((IStreamingEmotionClassifier)c).ClassifyFeatures(copy, clipCount));
        }
    }

    private sealed class Recurrent(ClassifierPool pool, IRecurrentEmotionClassifier model) : Streaming(pool, model), IRecurrentEmotionClassifier
    {
        public int StateSize { get; } = model.StateSize;

        public bool TrainedForStreaming { get; } = model.TrainedForStreaming;

        public float[] StepStreams(ReadOnlySpan<float> features, Span<float> states, int count)
        {
            var input = features.ToArray();
            var carried = states.ToArray();
            var probabilities = Pool.Run(c => ((IRecurrentEmotionClassifier)c).StepStreams(input, carried, count));
            carried.CopyTo(states);
            return probabilities;
        }
    }
}
