using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Samples;
using EmotionNet.Training.Augmentation;
using OpenCvSharp;

namespace EmotionNet.Benchmarks;

/// <summary>Writes a PNG of pseudo-sequences (one row per clip, T=8 frames, upscaled x2, the last row with an occluder) for the docs.</summary>
internal static class GridWriter
{
    public static void Run(string path, string output)
    {
        const int clips = 6, length = 8, zoom = 2, gap = 2;
        var set = File.Exists(path) ? Fer2013Reader.Read(path).Training : SampleData.Load(ClassSet.Fer7).Training;
        var generator = new PseudoSequenceGenerator(PseudoSequenceOptions.Default);
        // The last row always has an occluder (1 clip in 10 does by default), to show what one looks like.
        var occluded = new PseudoSequenceGenerator(PseudoSequenceOptions.Default with { OcclusionProbability = 1 });
        var cell = FaceImage.Side * zoom + gap;
        using var grid = new Mat(clips * cell - gap, length * cell - gap, MatType.CV_8UC1, Scalar.All(255));
        var frames = new byte[length * FaceImage.FrameBytes];
        var indices = new int[length];
        for (var row = 0; row < clips; row++)
        {
            // Spread over the set so the rows show different people and classes.
            var clip = (int)((long)row * set.Count / clips) + 7;
            ClipFrames.Sample(set.FrameCount(clip), indices);
            (row == clips - 1 ? occluded : generator).Generate(set.Frames(clip), indices, PseudoSequenceGenerator.ClipSeed(2024, 0, clip), frames);
            for (var t = 0; t < length; t++)
            {
                using var frame = Mat.FromPixelData(FaceImage.Side, FaceImage.Side, MatType.CV_8UC1, frames[(t * FaceImage.FrameBytes)..((t + 1) * FaceImage.FrameBytes)]);
                using var big = new Mat();
                Cv2.Resize(frame, big, new Size(FaceImage.Side * zoom, FaceImage.Side * zoom), 0, 0, InterpolationFlags.Nearest);
                using var target = new Mat(grid, new Rect(t * cell, row * cell, FaceImage.Side * zoom, FaceImage.Side * zoom));
                big.CopyTo(target);
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        Cv2.ImWrite(output, grid);
        Console.WriteLine($"wrote {output}: {clips} clips of {set.Source}, T={length}");
    }
}
