using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Training.Augmentation.Temporal;
using OpenCvSharp;

/// <summary>
/// The picture of docs/data.md's temporal clips: a few seeded clips from FER2013 Training faces, every
/// second frame, each tile captioned with its frame number, its target class and its nuisance.
/// </summary>
internal static class TemporalStrip
{
    public static void Write(string fer, string path, int clips = 4, int seed = 7)
    {
        var faces = DataSources.Load(fer, new DataLoadOptions { Classes = ClassSet.Fer7 }).Training;
        var options = TemporalClipOptions.Default with { Nuisance = NuisanceOptions.Default with { BurstProbability = 0.12f } };
        var renderer = new TemporalClipRenderer(options);
        const int scale = 2, tile = FaceImage.Side * scale, caption = 30, step = 2, gap = 10;
        var columns = options.Length / step;
        using var canvas = new Mat(clips * (tile + caption + gap), columns * (tile + 2), MatType.CV_8UC3, Scalar.All(255));
        var rng = new Random(seed);
        var made = 0;
        for (ulong clipSeed = (ulong)seed; made < clips; clipSeed++)
        {
            var plan = TemporalClipPlan.Create(options, clipSeed);
            if (plan.SegmentCount == 1 && made < clips - 1) continue; // show changes first
            var chosen = new int[plan.SegmentCount];
            for (var s = 0; s < chosen.Length; s++)
                do chosen[s] = rng.Next(faces.Count); while (s > 0 && faces.Label(chosen[s]) == faces.Label(chosen[s - 1]));
            var source = chosen.SelectMany(f => faces.Frame(f, 0).ToArray()).ToArray();
            var frames = new byte[plan.Length * FaceImage.FrameBytes];
            renderer.Render(plan, source, clipSeed, frames);
            var y0 = made * (tile + caption + gap);
            for (var c = 0; c < columns; c++)
            {
                var t = c * step;
                using var grey = new Mat(FaceImage.Side, FaceImage.Side, MatType.CV_8UC1);
                grey.SetArray(frames[(t * FaceImage.FrameBytes)..((t + 1) * FaceImage.FrameBytes)]);
                using var big = new Mat();
                Cv2.Resize(grey, big, new Size(tile, tile), 0, 0, InterpolationFlags.Nearest);
                using var bgr = new Mat();
                Cv2.CvtColor(big, bgr, ColorConversionCodes.GRAY2BGR);
                var x0 = c * (tile + 2);
                bgr.CopyTo(canvas[new Rect(x0, y0, tile, tile)]);
                var label = ClassSet.Fer7.ClassNames[faces.Label(chosen[plan.TargetSegment(t)])];
                var nuisance = plan.Nuisance(t);
                Cv2.PutText(canvas, $"{t} {label[..3]}", new Point(x0 + 2, y0 + tile + 12), HersheyFonts.HersheySimplex, 0.33, Scalar.All(0), 1, LineTypes.AntiAlias);
                if (nuisance != FrameNuisance.None)
                    Cv2.PutText(canvas, nuisance.ToString().ToLowerInvariant()[..Math.Min(7, nuisance.ToString().Length)], new Point(x0 + 2, y0 + tile + 25), HersheyFonts.HersheySimplex, 0.33, new Scalar(0, 0, 200), 1, LineTypes.AntiAlias);
            }
            made++;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Cv2.ImWrite(path, canvas);
    }
}
