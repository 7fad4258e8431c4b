using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Options;
using EmotionNet.Inference.Recognition;
using EmotionNet.TestSupport;

namespace EmotionNet.Inference.Tests;

public class EmotionRecognizerTests
{
    private static byte[] Face(byte value) => Enumerable.Repeat(value, FaceImage.FrameBytes).ToArray();

    private static float[] OneHot(int index, float top, int classes = 7)
    {
        var p = new float[classes];
        Array.Fill(p, (1 - top) / (classes - 1));
        p[index] = top;
        return p;
    }

    [Fact]
    public void A_new_face_clip_is_padded_with_its_first_frame_and_then_slides()
    {
        var fake = new FakeClassifier(sequenceLength: 3);
        var recognizer = new EmotionRecognizer(fake, new RecognizerOptions { Smoothing = 0 });

        recognizer.Recognize([new FaceInput(1, Face(10))]);
        recognizer.Recognize([new FaceInput(1, Face(20))]);
        recognizer.Recognize([new FaceInput(1, Face(30))]);
        recognizer.Recognize([new FaceInput(1, Face(40))]);

        byte[] FirstBytes(int call) => Enumerable.Range(0, 3).Select(f => fake.Calls[call].Frames[f * FaceImage.FrameBytes]).ToArray();
        Assert.Equal([10, 10, 10], FirstBytes(0));
        Assert.Equal([10, 10, 20], FirstBytes(1));
        Assert.Equal([10, 20, 30], FirstBytes(2));
        Assert.Equal([20, 30, 40], FirstBytes(3));
    }

    [Fact]
    public void All_faces_of_a_frame_go_to_the_classifier_in_one_call()
    {
        var fake = new FakeClassifier(sequenceLength: 2);
        var recognizer = new EmotionRecognizer(fake);

        var results = recognizer.Recognize([new FaceInput(1, Face(0)), new FaceInput(2, Face(250)), new FaceInput(7, Face(128))]);

        var call = Assert.Single(fake.Calls);
        Assert.Equal(3, call.ClipCount);
        Assert.Equal([1, 2, 7], results.Select(r => r.TrackId));
        Assert.Equal(Emotion.Angry, results[0].Label);    // dark face -> class 0 in the fake
        Assert.Equal(Emotion.Neutral, results[1].Label);  // bright face -> class 6
    }

    [Fact]
    public void Smoothing_is_an_exponential_moving_average_per_face()
    {
        var fake = new FakeClassifier(sequenceLength: 1) { Next = call => call == 0 ? OneHot(3, 1f) : OneHot(4, 1f) };
        var recognizer = new EmotionRecognizer(fake, new RecognizerOptions { Smoothing = 0.6, UncertainBelow = 0, Temporal = TemporalMode.MovingAverage });

        var first = Assert.Single(recognizer.Recognize([new FaceInput(1, Face(1))]));
        var second = Assert.Single(recognizer.Recognize([new FaceInput(1, Face(1))]));
        var third = Assert.Single(recognizer.Recognize([new FaceInput(1, Face(1))]));

        Assert.Equal(1f, first.Probabilities[3], 5);
        Assert.Equal(0.6f, second.Probabilities[3], 5);   // 0.6 x 1 + 0.4 x 0
        Assert.Equal(0.4f, second.Probabilities[4], 5);
        Assert.Equal(Emotion.Happy, second.Label);
        Assert.Equal(0.36f, third.Probabilities[3], 5);   // 0.6 x 0.6
        Assert.Equal(0.64f, third.Probabilities[4], 5);
        Assert.Equal(Emotion.Sad, third.Label);
    }

    [Fact]
    public void Smoothing_zero_returns_the_raw_probabilities()
    {
        var fake = new FakeClassifier(sequenceLength: 1) { Next = call => call == 0 ? OneHot(3, 1f) : OneHot(4, 1f) };
        var recognizer = new EmotionRecognizer(fake, new RecognizerOptions { Smoothing = 0, Temporal = TemporalMode.MovingAverage });
        recognizer.Recognize([new FaceInput(1, Face(1))]);
        var second = Assert.Single(recognizer.Recognize([new FaceInput(1, Face(1))]));
        Assert.Equal(1f, second.Probabilities[4], 5);
        Assert.Equal(Emotion.Sad, second.Label);
    }

    [Fact]
    public void A_top_probability_below_the_threshold_is_flagged_uncertain()
    {
        var fake = new FakeClassifier(sequenceLength: 1) { Next = call => call == 0 ? OneHot(3, 0.35f) : OneHot(3, 0.9f) };
        var recognizer = new EmotionRecognizer(fake, new RecognizerOptions { Smoothing = 0, UncertainBelow = 0.4 });

        var unsure = Assert.Single(recognizer.Recognize([new FaceInput(1, Face(1))]));
        var sure = Assert.Single(recognizer.Recognize([new FaceInput(1, Face(1))]));

        Assert.True(unsure.Uncertain);
        Assert.Equal(0.35f, unsure.Confidence, 5);
        Assert.False(sure.Uncertain);
    }

    [Fact]
    public void Faces_are_smoothed_independently_and_forgotten_when_their_track_ends()
    {
        var fake = new FakeClassifier(sequenceLength: 2);
        var recognizer = new EmotionRecognizer(fake, new RecognizerOptions { Smoothing = 0.5 });
        recognizer.Recognize([new FaceInput(1, Face(0)), new FaceInput(2, Face(255))]);
        recognizer.Retain([2]);
        recognizer.Recognize([new FaceInput(1, Face(255))]);
        // Face 1 restarted: its clip is padded with the new frame only, no dark frame left.
        var clip = fake.Calls[^1].Frames;
        Assert.All(clip, b => Assert.Equal(255, b));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void Smoothing_outside_zero_to_one_is_rejected(double smoothing)
    {
        var e = Assert.Throws<OptionsException>(() => new EmotionRecognizer(new FakeClassifier(), new RecognizerOptions { Smoothing = smoothing }));
        Assert.Contains("Smoothing", e.Message, StringComparison.Ordinal);
    }
}
