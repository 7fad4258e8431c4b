using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Options;
using EmotionNet.Inference.Recognition;
using EmotionNet.TestSupport;

namespace EmotionNet.Inference.Tests;

/// <summary>How a face's label is followed from frame to frame: the hysteresis default against the moving average, on fixed inputs.</summary>
public class EmotionFollowerTests
{
    private const int Classes = 7, Happy = 3, Sad = 4, Neutral = 6;

    // Two classes share most of the mass; the rest is spread evenly.
    private static float[] Mix(int a, float pa, int b, float pb)
    {
        var p = new float[Classes];
        Array.Fill(p, (1 - pa - pb) / (Classes - 2));
        p[a] = pa;
        p[b] = pb;
        return p;
    }

    private static int[] Labels(EmotionFollower follower, IEnumerable<float[]> frames)
    {
        var shown = new float[Classes];
        return frames.Select(p => follower.Follow(p, shown)).ToArray();
    }

    private static EmotionFollower Hysteresis(double margin = 0.2, int frames = 15) =>
        new(TemporalMode.Hysteresis, new RecognizerOptions { SwitchMargin = margin, SwitchFrames = frames }, Classes);

    private static EmotionFollower Average(double smoothing) => new(TemporalMode.MovingAverage, new RecognizerOptions { Smoothing = smoothing }, Classes);

    [Fact]
    public void A_clear_change_is_shown_on_its_first_frame()
    {
        var frames = Enumerable.Range(0, 20).Select(t => t < 10 ? Mix(Neutral, 0.8f, Happy, 0.1f) : Mix(Happy, 0.8f, Neutral, 0.1f));

        var labels = Labels(Hysteresis(), frames);

        Assert.All(labels[..10], l => Assert.Equal(Neutral, l));
        Assert.All(labels[10..], l => Assert.Equal(Happy, l));
    }

    [Fact]
    public void A_gradual_onset_is_shown_on_the_frame_its_lead_reaches_the_margin()
    {
        // Neutral for 5 frames, then Happy builds up linearly over 15 frames, then holds.
        var frames = Enumerable.Range(0, 30).Select(t =>
        {
            var w = Math.Clamp((t - 4) / 15f, 0, 1);
            return Mix(Happy, 0.05f + 0.85f * w, Neutral, 0.9f - 0.85f * w);
        }).ToArray();
        var firstLead = Array.FindIndex(frames, p => p[Happy] - p[Neutral] >= 0.2f);

        var labels = Labels(Hysteresis(), frames);

        Assert.Equal(14, firstLead);
        Assert.All(labels[..firstLead], l => Assert.Equal(Neutral, l));
        Assert.All(labels[firstLead..], l => Assert.Equal(Happy, l));
    }

    [Fact]
    public void At_the_peak_of_a_late_onset_hysteresis_shows_the_expression_where_the_moving_average_still_shows_neutral()
    {
        // The evidence comes in the last two frames: a tie, then the peak.
        var frames = Enumerable.Range(0, 10).Select(_ => Mix(Neutral, 0.8f, Happy, 0.1f))
            .Append(Mix(Happy, 0.45f, Neutral, 0.45f)).Append(Mix(Happy, 0.7f, Neutral, 0.2f)).ToArray();

        Assert.Equal(Happy, Labels(Hysteresis(), frames)[^1]);
        Assert.Equal(Neutral, Labels(Average(0.6), frames)[^1]); // 0.476 neutral against 0.424 happy
    }

    [Fact]
    public void A_near_tie_that_flips_every_frame_does_not_switch_the_label()
    {
        // The two top classes trade a lead of 0.1 every frame: per-frame labels flip 99 times.
        var frames = Enumerable.Range(0, 100).Select(t => t % 2 == 0 ? Mix(Sad, 0.45f, Neutral, 0.35f) : Mix(Neutral, 0.45f, Sad, 0.35f)).ToArray();

        var held = Labels(Hysteresis(), frames);
        var perFrame = Labels(Hysteresis(margin: 0), frames);

        Assert.All(held, l => Assert.Equal(Sad, l));
        Assert.Equal(99, perFrame.Zip(perFrame.Skip(1)).Count(p => p.First != p.Second));
    }

    [Fact]
    public void A_steady_lead_below_the_margin_is_shown_after_the_switch_frames()
    {
        var frames = Enumerable.Range(0, 30).Select(t => t < 5 ? Mix(Neutral, 0.6f, Sad, 0.2f) : Mix(Sad, 0.4f, Neutral, 0.3f)).ToArray();

        var labels = Labels(Hysteresis(frames: 15), frames);

        // Sad leads by 0.1 from frame 5: shown on the 15th frame of its lead, frame 19, and kept.
        Assert.All(labels[..19], l => Assert.Equal(Neutral, l));
        Assert.All(labels[19..], l => Assert.Equal(Sad, l));
    }

    [Fact]
    public void Hysteresis_shows_each_frame_s_own_probabilities_and_the_held_label_s_confidence()
    {
        var fake = new FakeClassifier(sequenceLength: 1) { Next = call => call == 0 ? Mix(Neutral, 0.5f, Sad, 0.2f) : Mix(Sad, 0.42f, Neutral, 0.38f) };
        var recognizer = new EmotionRecognizer(fake, new RecognizerOptions { UncertainBelow = 0.4 });
        var face = Enumerable.Repeat((byte)1, FaceImage.FrameBytes).ToArray();

        recognizer.Recognize([new FaceInput(1, face)]);
        var second = Assert.Single(recognizer.Recognize([new FaceInput(1, face)]));

        Assert.Equal(TemporalMode.Hysteresis, recognizer.Temporal);
        Assert.Equal(0.42f, second.Probabilities[Sad], 5); // not averaged with the first frame
        Assert.Equal(Emotion.Neutral, second.Label);         // Sad leads by 0.04 < 0.2: the label stays
        Assert.Equal(0.38f, second.Confidence, 5);
        Assert.True(second.Uncertain);
    }

    [Fact]
    public void The_moving_average_mode_averages_and_labels_the_average_s_top_class()
    {
        var follower = Average(0.5);
        var shown = new float[Classes];

        follower.Follow(Mix(Happy, 1f, Sad, 0f), shown);
        var label = follower.Follow(Mix(Sad, 0.8f, Happy, 0.2f), shown);

        Assert.Equal(0.6f, shown[Happy], 5); // 0.5 x 1 + 0.5 x 0.2
        Assert.Equal(0.4f, shown[Sad], 5);
        Assert.Equal(Happy, label);
    }

    [Fact]
    public void A_follower_needs_a_resolved_mode_and_the_right_number_of_probabilities()
    {
        Assert.Throws<ArgumentException>(() => new EmotionFollower(TemporalMode.Auto, RecognizerOptions.Default, Classes));
        var follower = Hysteresis();
        Assert.Throws<ArgumentException>(() => follower.Follow(new float[Classes - 1], new float[Classes]));
        Assert.Throws<ArgumentException>(() => follower.Follow(new float[Classes], new float[Classes - 1]));
    }

    [Theory]
    [InlineData(-0.1, 15, "RecognizerOptions.SwitchMargin")]
    [InlineData(1.5, 15, "RecognizerOptions.SwitchMargin")]
    [InlineData(0.2, 0, "RecognizerOptions.SwitchFrames")]
    public void Switch_settings_out_of_range_are_rejected(double margin, int frames, string option)
    {
        var e = Assert.Throws<OptionsException>(() => new EmotionRecognizer(new FakeClassifier(), new RecognizerOptions { SwitchMargin = margin, SwitchFrames = frames }));
        Assert.Equal(option, e.Option);
    }
}
