using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
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

/// <summary>The recognizer's LSTM mode: one state per face, carried from frame to frame, shown as it is.</summary>
[Collection(TorchRandomGroup.Name)]
public class TemporalRecognitionTests
{
    private static EmotionClassifier Classifier(TempFolder folder, bool temporal, int seed = 21)
    {
        NativeRuntime.EnsureTorch();
        var path = folder.File($"model-{temporal}.ckpt");
        random.manual_seed(seed);
        using (var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8, 16], LstmHidden = 12 }))
            Checkpoint.Capture(model, new CheckpointMetadata
            {
                Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1,
                Temporal = temporal ? new TemporalTrainingInfo(48, 1) : null,
            }).Save(path);
        return EmotionClassifier.Load(path, DeviceKind.Cpu);
    }

    private static byte[] RandomFace(Random rng)
    {
        var face = new byte[FaceImage.FrameBytes];
        rng.NextBytes(face);
        return face;
    }

    // Each face's own stream through the model in one call: the reference the recognizer must match.
    private static float[] Reference(string checkpoint, EmotionClassifier classifier, List<byte[]> frames)
    {
        var features = classifier.EncodeFrames(frames.SelectMany(f => f).ToArray(), frames.Count);
        using var model = Checkpoint.Load(checkpoint).CreateModel(checkpoint);
        model.eval();
        using var noGrad = no_grad();
        var (logits, _, _) = model.ClassifyEachFrame(tensor(features, [1, frames.Count, classifier.FeatureSize]));
        return nn.functional.softmax(logits.select(1, -1), 1).data<float>().ToArray();
    }

    [Fact]
    public void Each_face_carries_its_own_state_and_matches_its_stream_through_the_model()
    {
        using var folder = new TempFolder();
        using var classifier = Classifier(folder, temporal: true);
        var recognizer = new EmotionRecognizer(classifier, new RecognizerOptions { Smoothing = 0.9, UncertainBelow = 0 });
        Assert.Equal(TemporalMode.Lstm, recognizer.Temporal);
        var rng = new Random(3);
        var seen = new Dictionary<int, List<byte[]>> { [1] = [], [2] = [] };
        for (var frame = 0; frame < 6; frame++)
        {
            int[] ids = frame < 2 ? [1] : frame == 4 ? [2] : [2, 1];
            var faces = ids.Select(id => new FaceInput(id, RandomFace(rng))).ToArray();
            foreach (var f in faces) seen[f.TrackId].Add(f.Pixels.ToArray());
            var results = recognizer.Recognize(faces);
            for (var i = 0; i < faces.Length; i++)
            {
                // Smoothing 0.9 is not applied in LSTM mode: the result is the model's own output.
                var expected = Reference(folder.File("model-True.ckpt"), classifier, seen[faces[i].TrackId]);
                for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], results[i].Probabilities[k], 4);
            }
        }
    }

    [Fact]
    public void A_face_that_is_dropped_and_comes_back_starts_from_a_fresh_state()
    {
        using var folder = new TempFolder();
        using var classifier = Classifier(folder, temporal: true);
        var recognizer = new EmotionRecognizer(classifier);
        var rng = new Random(4);
        recognizer.Recognize([new FaceInput(1, RandomFace(rng))]);
        recognizer.Recognize([new FaceInput(1, RandomFace(rng))]);
        recognizer.Retain([]);
        var face = RandomFace(rng);
        var again = recognizer.Recognize([new FaceInput(1, face)])[0];
        var expected = Reference(folder.File("model-True.ckpt"), classifier, [face]);
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], again.Probabilities[k], 4);
    }

    [Fact]
    public void Auto_uses_the_lstm_only_for_a_model_trained_to_stream()
    {
        using var folder = new TempFolder();
        using var plain = Classifier(folder, temporal: false);
        using var streaming = Classifier(folder, temporal: true);
        Assert.Equal(TemporalMode.Hysteresis, new EmotionRecognizer(plain).Temporal);
        Assert.Equal(TemporalMode.Hysteresis, new EmotionRecognizer(streaming, new RecognizerOptions { Temporal = TemporalMode.Hysteresis }).Temporal);
        Assert.Equal(TemporalMode.Lstm, new EmotionRecognizer(streaming).Temporal);
        Assert.Equal(TemporalMode.MovingAverage, new EmotionRecognizer(streaming, new RecognizerOptions { Temporal = TemporalMode.MovingAverage }).Temporal);
        Assert.Equal(TemporalMode.Lstm, new EmotionRecognizer(plain, new RecognizerOptions { Temporal = TemporalMode.Lstm }).Temporal);
    }

    [Fact]
    public void Lstm_mode_on_a_classifier_without_state_is_a_clear_error()
    {
        var e = Assert.Throws<EmotionNetException>(() => new EmotionRecognizer(new FakeClassifier(1), new RecognizerOptions { Temporal = TemporalMode.Lstm }));
        Assert.Equal("RecognizerOptions.Temporal", e.Option);
        Assert.Contains("LSTM", e.Message, StringComparison.Ordinal);
    }
}
