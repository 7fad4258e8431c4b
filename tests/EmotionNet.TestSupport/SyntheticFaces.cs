using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;

namespace EmotionNet.TestSupport;

/// <summary>Small labelled clip sets whose classes a model can tell apart: each class draws a bar at its own angle over noise.</summary>
public static class SyntheticFaces
{
    public static FaceClipSet Create(int count, int seed, ClassSet? classes = null, int framesPerClip = 1)
    {
        classes ??= ClassSet.Fer7;
        var rng = new Random(seed);
        var frames = new byte[count * framesPerClip * FaceImage.FrameBytes];
        var starts = new int[count + 1];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % classes.Count;
            starts[i + 1] = starts[i] + framesPerClip;
            var angle = Math.PI * labels[i] / classes.Count;
            for (var f = 0; f < framesPerClip; f++)
            {
                var frame = frames.AsSpan((i * framesPerClip + f) * FaceImage.FrameBytes, FaceImage.FrameBytes);
                for (var y = 0; y < FaceImage.Side; y++)
                for (var x = 0; x < FaceImage.Side; x++)
                {
                    double u = x - 23.5, v = y - 23.5;
                    var distance = Math.Abs(u * Math.Sin(angle) - v * Math.Cos(angle));
                    var value = (distance < 4 ? 200 : 60) + rng.Next(-30, 31);
                    frame[y * FaceImage.Side + x] = (byte)Math.Clamp(value, 0, 255);
                }
            }
        }
        return new FaceClipSet(classes, frames, starts, labels, $"synthetic(seed {seed})");
    }

    public static FaceDataSplits Splits(int train, int validation, int test, int seed = 1, ClassSet? classes = null) =>
        new(Create(train, seed, classes), Create(validation, seed + 1, classes), Create(test, seed + 2, classes), DataLoadReport.Clean);
}
