using EmotionNet.Core.Imaging;
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
        const int faces = 8, rows = 6;
        var set = FaceGrid.Faces(path);
        var generator = new PseudoSequenceGenerator(PseudoSequenceOptions.RealPhotos);
        using var grid = new FaceGrid(rows, faces);
        var frame = new byte[FaceImage.FrameBytes];
        for (var column = 0; column < faces; column++)
        {
            var clip = (int)((long)column * set.Count / faces) + 3;
            grid.Draw(set.Frames(clip), 0, column);
            for (var row = 1; row < rows; row++)
            {
                generator.Generate(set.Frames(clip), [0], PseudoSequenceGenerator.ClipSeed(2026, row, clip), frame);
                grid.Draw(frame, row, column);
            }
        }
        grid.Save(output);
        Console.WriteLine($"wrote {output}: {faces} faces of {set.Source}, clean and {rows - 1} real-photo augmentations each");
    }
}
