using EmotionNet.Core.Emotions;
using OpenCvSharp;

namespace EmotionNet.Vision.Annotation;

/// <summary>One fixed BGR colour per emotion for boxes and bars.</summary>
internal static class EmotionColors
{
    public static Scalar Of(Emotion emotion) => emotion switch
    {
        Emotion.Angry => new Scalar(40, 40, 220),
        Emotion.Disgust => new Scalar(40, 140, 60),
        Emotion.Fear => new Scalar(160, 60, 160),
        Emotion.Happy => new Scalar(40, 200, 240),
        Emotion.Sad => new Scalar(200, 120, 40),
        Emotion.Surprise => new Scalar(220, 200, 40),
        _ => new Scalar(190, 190, 190),
    };
}
