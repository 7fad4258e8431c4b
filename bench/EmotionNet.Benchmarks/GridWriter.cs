using EmotionNet.Core.Imaging;
using EmotionNet.Training.Augmentation;
using EmotionNet.Core.Data;

namespace EmotionNet.Benchmarks;

/// <summary>Writes a PNG of pseudo-sequences (one row per clip, T=8 frames, upscaled x2, the last row with an occluder) for the docs.</summary>
internal static class GridWriter
{
    public static void Run(string path, string output)
    {
        const int clips = 6, length = 8;
        var set = FaceGrid.Faces(path);
        var generator = new PseudoSequenceGenerator(PseudoSequenceOptions.Default);
        // The last row always has an occluder (1 clip in 10 does by default), to show what one looks like.
        var occluded = new PseudoSequenceGenerator(PseudoSequenceOptions.Default with { OcclusionProbability = 1 });
        using var grid = new FaceGrid(clips, length);
        var frames = new byte[length * FaceImage.FrameBytes];
        var indices = new int[length];
        for (var row = 0; row < clips; row++)
        {
            // Spread over the set so the rows show different people and classes.
            var clip = (int)((long)row * set.Count / clips) + 7;
            ClipFrames.Sample(set.FrameCount(clip), indices);
            (row == clips - 1 ? occluded : generator).Generate(set.Frames(clip), indices, PseudoSequenceGenerator.ClipSeed(2024, 0, clip), frames);
            for (var t = 0; t < length; t++) grid.Draw(frames.AsSpan(t * FaceImage.FrameBytes, FaceImage.FrameBytes), row, t);
        }
        grid.Save(output);
        Console.WriteLine($"wrote {output}: {clips} clips of {set.Source}, T={length}");
    }
}
