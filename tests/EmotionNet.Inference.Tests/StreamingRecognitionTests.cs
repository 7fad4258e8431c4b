using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Core.Runtime;
using EmotionNet.Inference.Recognition;
using EmotionNet.TestSupport;
using EmotionNet.Torch;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Torch.Runtime;
using static TorchSharp.torch;

namespace EmotionNet.Inference.Tests;

/// <summary>The recognizer's cached-feature path against whole clips through the real model.</summary>
[Collection(TorchRandomGroup.Name)]
public class StreamingRecognitionTests
{
    [Theory, Trait("Category", "Slow")]
    [InlineData(TemporalPooling.Last, false)]
    [InlineData(TemporalPooling.Mean, false)]
    [InlineData(TemporalPooling.Attention, true)]
    public void Incremental_features_give_the_full_clip_probabilities_for_T4(TemporalPooling pooling, bool bidirectional)
    {
        using var folder = new TempFolder();
        const int T = 4;
        var checkpoint = folder.File("random.ckpt");
        NativeRuntime.EnsureTorch();
        random.manual_seed(11);
        using (var model = new EmotionNetModel(new ModelConfig { Pooling = pooling, Bidirectional = bidirectional }))
            Checkpoint.Capture(model, new CheckpointMetadata { Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = T }).Save(checkpoint);
        using var real = EmotionClassifier.Load(checkpoint, DeviceKind.Cpu);
        var counting = new CountingClassifier(real);
        var recognizer = new EmotionRecognizer(counting, new RecognizerOptions { Smoothing = 0 });
        var rng = new Random(5);
        var seen = new Dictionary<int, List<byte[]>> { [1] = [], [2] = [] };

        for (var frame = 0; frame < 7; frame++)
        {
            // Face 2 appears on frame 2, so its window is padded while face 1's slides.
            int[] ids = frame < 2 ? [1] : [1, 2];
            var faces = ids.Select(id => new FaceInput(id, RandomFace(rng))).ToArray();
            foreach (var f in faces) seen[f.TrackId].Add(f.Pixels.ToArray());
            var encodedBefore = counting.EncodedFrames;

            var results = recognizer.Recognize(faces);

            Assert.Equal(ids.Length, counting.EncodedFrames - encodedBefore); // each new crop encoded once
            foreach (var (face, result) in faces.Zip(results))
            {
                var expected = real.Predict(FullClip(seen[face.TrackId], T), 1);
                Assert.Equal(expected.Length, result.Probabilities.Count);
                for (var c = 0; c < expected.Length; c++) Assert.InRange(result.Probabilities[c], expected[c] - 1e-5f, expected[c] + 1e-5f);
            }
        }
        Assert.Equal(0, counting.PredictCalls);
    }

    [Fact]
    public void A_streaming_classifier_gets_one_encoder_call_per_frame_and_windows_oldest_first()
    {
        var fake = new FakeStreamingClassifier(sequenceLength: 3);
        var recognizer = new EmotionRecognizer(fake, new RecognizerOptions { Smoothing = 0 });

        recognizer.Recognize([new FaceInput(1, Face(10))]);
        recognizer.Recognize([new FaceInput(1, Face(20)), new FaceInput(2, Face(70))]);
        recognizer.Recognize([new FaceInput(1, Face(30)), new FaceInput(2, Face(80))]);
        recognizer.Recognize([new FaceInput(1, Face(40)), new FaceInput(2, Face(90))]);

        Assert.Equal([1, 2, 2, 2], fake.EncodeCalls);
        // The fake's feature of a crop is its first byte; each clip is T features, oldest first.
        Assert.Equal([10f, 10, 10], fake.Windows[0]);
        Assert.Equal([10f, 10, 20, 70, 70, 70], fake.Windows[1]);
        Assert.Equal([10f, 20, 30, 70, 70, 80], fake.Windows[2]);
        Assert.Equal([20f, 30, 40, 70, 80, 90], fake.Windows[3]);
    }

    private static byte[] Face(byte value) => Enumerable.Repeat(value, FaceImage.FrameBytes).ToArray();

    private static byte[] RandomFace(Random rng)
    {
        var face = new byte[FaceImage.FrameBytes];
        rng.NextBytes(face);
        return face;
    }

    // The clip Predict would see: the last T crops, padded at the start with the face's first crop.
    private static byte[] FullClip(List<byte[]> crops, int t)
    {
        var clip = new byte[t * FaceImage.FrameBytes];
        for (var i = 0; i < t; i++)
        {
            var index = Math.Max(0, crops.Count - t + i);
            crops[index].CopyTo(clip, i * FaceImage.FrameBytes);
        }
        return clip;
    }

    private sealed class CountingClassifier(IStreamingEmotionClassifier inner) : IStreamingEmotionClassifier
    {
        public int EncodedFrames { get; private set; }

        public int PredictCalls { get; private set; }

        public ClassSet Classes => inner.Classes;

        public int SequenceLength => inner.SequenceLength;

        public InputNormalization Normalization => inner.Normalization;

        public int FeatureSize => inner.FeatureSize;

        public float[] Predict(ReadOnlySpan<byte> frames, int clipCount)
        {
            PredictCalls++;
            return inner.Predict(frames, clipCount);
        }

        public float[] EncodeFrames(ReadOnlySpan<byte> frames, int frameCount)
        {
            EncodedFrames += frameCount;
            return inner.EncodeFrames(frames, frameCount);
        }

        public float[] ClassifyFeatures(ReadOnlySpan<float> features, int clipCount) => inner.ClassifyFeatures(features, clipCount);
    }

    /// <summary>Feature of a crop = its first byte; records encoder batch sizes and the windows the head sees.</summary>
    private sealed class FakeStreamingClassifier(int sequenceLength) : IStreamingEmotionClassifier
    {
        public List<int> EncodeCalls { get; } = [];

        public List<float[]> Windows { get; } = [];

        public ClassSet Classes => ClassSet.Fer7;

        public int SequenceLength => sequenceLength;

        public InputNormalization Normalization => InputNormalization.Default;

        public int FeatureSize => 1;

        public float[] Predict(ReadOnlySpan<byte> frames, int clipCount) => throw new InvalidOperationException("The streaming path must not call Predict.");

        public float[] EncodeFrames(ReadOnlySpan<byte> frames, int frameCount)
        {
            EncodeCalls.Add(frameCount);
            var features = new float[frameCount];
            for (var i = 0; i < frameCount; i++) features[i] = frames[i * FaceImage.FrameBytes];
            return features;
        }

        public float[] ClassifyFeatures(ReadOnlySpan<float> features, int clipCount)
        {
            Windows.Add(features.ToArray());
            var p = new float[clipCount * Classes.Count];
            for (var i = 0; i < clipCount; i++) p[i * Classes.Count] = 1;
            return p;
        }
    }
}
