using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Inference.Analysis;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Tests;

/// <summary>The analyzer changes a classifier's threads only when its caller asks (AnalyzerOptions.ModelThreads).</summary>
public class ModelThreadsTests
{
    [Fact]
    public async Task By_default_the_classifiers_threads_are_left_alone()
    {
        var classifier = new ThreadRecorder();
        await new EmotionAnalyzer(classifier).AnalyzeImageAsync(Face(), new AnalyzerOptions { FacesCropped = true });
        Assert.Empty(classifier.Asked);
    }

    [Fact]
    public async Task A_count_asked_for_holds_for_the_run_and_is_given_back()
    {
        var classifier = new ThreadRecorder();
        // A streamed run: AnalyzeImageAsync keeps the classifier's own count (calls may run at once, and an ONNX
        // Runtime classifier would build a session per call).
        await foreach (var _ in new EmotionAnalyzer(classifier).AnalyzeAsync(InputSource.FromPath(Face()), new AnalyzerOptions { FacesCropped = true, ModelThreads = 3 }))
        {
        }
        Assert.Equal([3], classifier.Asked);
        Assert.Equal(1, classifier.GivenBack);
    }

    private static string Face() => SyntheticScene.AssetPath("face1.png");

    private sealed class ThreadRecorder : IEmotionClassifier
    {
        private readonly FakeClassifier inner = new(1);

        public List<int> Asked { get; } = [];

        public int GivenBack { get; private set; }

        public ClassSet Classes => inner.Classes;

        public int SequenceLength => inner.SequenceLength;

        public InputNormalization Normalization => inner.Normalization;

        public float[] Predict(ReadOnlySpan<byte> frames, int clipCount) => inner.Predict(frames, clipCount);

        public IDisposable UseThreads(int threads)
        {
            Asked.Add(threads);
            return new Scope(this);
        }

        private sealed class Scope(ThreadRecorder owner) : IDisposable
        {
            public void Dispose() => owner.GivenBack++;
        }
    }
}
