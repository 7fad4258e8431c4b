using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Data;
using EmotionNet.Core.Imaging;
using EmotionNet.Inference.Recognition;
using EmotionNet.Training.Augmentation.Temporal;

/// <summary>
/// The clips of the temporal benchmarks, rendered from FER2013 faces by the renderer training uses, at 30
/// frames/s: constant-expression clips with bursts of corrupted frames (stability), and clean clips whose
/// expression changes at the midpoint between two faces the per-frame CNN gets right (responsiveness).
/// </summary>
internal static class TemporalClips
{
    public const double Fps = 30;

    /// <summary>Frames a shown expression must hold for the output to count as following it.</summary>
    public const int Hold = 5;

    public sealed record ClipSet(TemporalClipOptions Options, byte[][] Frames, int[][] Targets, bool[][] Corrupted)
    {
        public double CorruptedShare => Corrupted.Sum(c => c.Count(x => x)) / (double)Corrupted.Sum(c => c.Length);
    }

    /// <summary>The faces of <paramref name="faces"/> that <paramref name="classifier"/> classifies right on their own.</summary>
    public static List<int> RightFaces(IEmotionClassifier classifier, FaceClipSet faces)
    {
        var right = new List<int>();
        var pixels = new byte[FaceImage.FrameBytes * faces.Count];
        for (var i = 0; i < faces.Count; i++) faces.Frame(i, 0).CopyTo(pixels.AsSpan(i * FaceImage.FrameBytes));
        var p = classifier.Predict(pixels, faces.Count);
        var classes = classifier.Classes.Count;
        for (var i = 0; i < faces.Count; i++)
            if (ArgMax(p.AsSpan(i * classes, classes)) == faces.Label(i)) right.Add(i);
        return right;
    }

    /// <summary><paramref name="count"/> 90-frame clips of one face each, with the default bursts of corrupted frames.</summary>
    public static ClipSet Constant(FaceClipSet faces, int count, int seed)
    {
        var options = TemporalClipOptions.Default with { Length = 90, ChangeProbability = 0 };
        return Render(options, count, seed, (rng, _) => [rng.Next(faces.Count)], faces);
    }

    /// <summary><paramref name="count"/> clean 120-frame clips that cut at frame 60 between two <paramref name="right"/> faces of different labels.</summary>
    public static ClipSet Changing(FaceClipSet faces, List<int> right, int count, int seed)
    {
        var options = TemporalClipOptions.Default with
        {
            Length = 120, ChangeProbability = 1, SecondChangeProbability = 0, MinSegmentFrames = 60,
            Nuisance = NuisanceOptions.Default with { BurstProbability = 0 },
        };
        return Render(options, count, seed, (rng, _) =>
        {
            var a = right[rng.Next(right.Count)];
            int b;
            do b = right[rng.Next(right.Count)]; while (faces.Label(b) == faces.Label(a));
            return [a, b];
        }, faces);
    }

    private static ClipSet Render(TemporalClipOptions options, int count, int seed, Func<Random, TemporalClipPlan, int[]> pick, FaceClipSet faces)
    {
        var renderer = new TemporalClipRenderer(options);
        var rng = new Random(seed);
        var frames = new byte[count][];
        var targets = new int[count][];
        var corrupted = new bool[count][];
        for (var c = 0; c < count; c++)
        {
            var clipSeed = (ulong)rng.NextInt64();
            var plan = TemporalClipPlan.Create(options, clipSeed);
            var chosen = pick(rng, plan);
            var source = new byte[chosen.Length * FaceImage.FrameBytes];
            for (var s = 0; s < chosen.Length; s++) faces.Frame(chosen[s], 0).CopyTo(source.AsSpan(s * FaceImage.FrameBytes));
            frames[c] = new byte[options.Length * FaceImage.FrameBytes];
            renderer.Render(plan, source, clipSeed, frames[c]);
            targets[c] = Enumerable.Range(0, options.Length).Select(t => faces.Label(chosen[plan.TargetSegment(t)])).ToArray();
            corrupted[c] = Enumerable.Range(0, options.Length).Select(t => plan.Nuisance(t) != FrameNuisance.None).ToArray();
        }
        return new ClipSet(options, frames, targets, corrupted);
    }

    /// <summary>
    /// Streams clips of <paramref name="length"/> frames through <paramref name="recognizer"/> side by side, one
    /// frame at a time (clip c is track c, as faces are in analyze). Returns each clip's probabilities, frame after frame.
    /// </summary>
    public static float[][][] Stream(EmotionRecognizer recognizer, byte[][] frames, int length)
    {
        var count = frames.Length;
        var output = new float[count][][];
        for (var c = 0; c < count; c++) output[c] = new float[length][];
        for (var t = 0; t < length; t++)
        {
            var inputs = new FaceInput[count];
            for (var c = 0; c < count; c++) inputs[c] = new FaceInput(c, frames[c].AsMemory(t * FaceImage.FrameBytes, FaceImage.FrameBytes));
            var results = recognizer.Recognize(inputs);
            for (var c = 0; c < count; c++) output[c][t] = results[c].Probabilities.ToArray();
        }
        return output;
    }

    /// <summary>The per-frame output of a classifier: every frame's own probabilities, unfollowed.</summary>
    public static EmotionRecognizer PerFrame(IEmotionClassifier classifier) =>
        new(classifier, new RecognizerOptions { Smoothing = 0, UncertainBelow = 0, Temporal = TemporalMode.MovingAverage });

    public static int ArgMax(ReadOnlySpan<float> p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
