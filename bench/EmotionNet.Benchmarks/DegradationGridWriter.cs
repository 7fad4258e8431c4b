using OpenCvSharp;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Samples;
using EmotionNet.Training.Augmentation;

namespace EmotionNet.Benchmarks;

/// <summary>
/// Writes a PNG of the real-photo recipe (<see cref="PseudoSequenceOptions.RealPhotos"/>) for the docs: the top
/// row holds eight clean faces, each row below the same faces augmented with another seed (T = 1, upscaled x2).
/// </summary>
internal static class DegradationGridWriter
{
    public static void Run(string path, string output)
    {
        const int faces = 8, rows = 6, zoom = 2, gap = 2;
        var set = File.Exists(path) ? Fer2013Reader.Read(path).Training : SampleData.Load(ClassSet.Fer7).Training;
        var generator = new PseudoSequenceGenerator(PseudoSequenceOptions.RealPhotos);
        var cell = FaceImage.Side * zoom + gap;
        using var grid = new Mat(rows * cell - gap, faces * cell - gap, MatType.CV_8UC1, Scalar.All(255));
        var frame = new byte[FaceImage.FrameBytes];
        for (var column = 0; column < faces; column++)
        {
            var clip = (int)((long)column * set.Count / faces) + 3;
            for (var row = 0; row < rows; row++)
            {
                if (row == 0) set.Frames(clip)[..FaceImage.FrameBytes].CopyTo(frame);
                else generator.Generate(set.Frames(clip), [0], PseudoSequenceGenerator.ClipSeed(2026, row, clip), frame);
                using var small = Mat.FromPixelData(FaceImage.Side, FaceImage.Side, MatType.CV_8UC1, frame);
                using var big = new Mat();
                Cv2.Resize(small, big, new Size(FaceImage.Side * zoom, FaceImage.Side * zoom), 0, 0, InterpolationFlags.Nearest);
                using var target = new Mat(grid, new Rect(column * cell, row * cell, FaceImage.Side * zoom, FaceImage.Side * zoom));
                big.CopyTo(target);
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        Cv2.ImWrite(output, grid);
        Console.WriteLine($"wrote {output}: {faces} faces of {set.Source}, clean and {rows - 1} real-photo augmentations each");
    }
}
