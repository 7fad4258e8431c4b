using System.Globalization;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Runtime;
using EmotionNet.Inference.Recognition;
using EmotionNet.Torch;
using EmotionNet.Training.Augmentation.Temporal;
using ScottPlot;

/// <summary>
/// The temporal model against per-frame CNN plus smoothing, on seeded clips rendered from FER2013 PrivateTest
/// faces (faces no model trained or selected on) by the same renderer training uses, at 30 frames/s:
/// (1) constant-expression clips with bursts of corrupted frames: per-frame accuracy, accuracy on the
/// corrupted frames, clip accuracy and false switches per minute; (2) clean clips whose expression changes
/// at the midpoint, between two faces the per-frame CNN gets right on their own: frames until the output
/// follows (shows the new expression and holds it for 5 frames). Every method runs through <see cref="EmotionRecognizer"/>, the class <c>analyze</c> uses:
/// the shipped model with the moving average at several strengths, the temporal model in LSTM mode.
/// </summary>
internal static class TemporalBench
{
    private const double Fps = 30;
    private const int Hold = 5;
    private static readonly double[] Strengths = [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

    public static void Run(Report report, string fer, string temporalCheckpoint, string plotPath, int clips, int seed)
    {
        var data = DataSources.Load(fer, new DataLoadOptions { Classes = ClassSet.Fer7 });
        var faces = data.PrivateTest;
        using var cnn = EmotionClassifier.LoadShipped(DeviceKind.Cpu);
        using var lstm = EmotionClassifier.Load(temporalCheckpoint, DeviceKind.Cpu);
        if (!lstm.TrainedForStreaming) throw new InvalidOperationException($"{temporalCheckpoint} was not trained to stream (train-temporal).");

        // Faces the per-frame CNN gets right on their own: a change between two of them can be followed.
        var right = RightFaces(cnn, faces);
        var constant = Constant(faces, clips, seed);
        var changing = Changing(faces, right, clips, seed + 1);
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{clips} constant-expression clips of {constant.Options.Length} frames ({constant.Options.Length / Fps:0.#} s at {Fps} frames/s) from PrivateTest faces, " +
            $"{constant.CorruptedShare:P1} of their frames corrupted (occlusion, blur, misalignment, flicker, repeated frames; bursts of 1-{constant.Options.Nuisance.MaxBurstFrames}); " +
            $"{clips} clean clips of {changing.Options.Length} frames changing expression at frame {changing.Options.Length / 2}, between two faces the shipped model classifies right " +
            $"({right.Count} of {faces.Count} PrivateTest faces); the output follows a change when it shows the new expression for {Hold} frames in a row. Seed {seed}. Temporal model: `{temporalCheckpoint}`."));
        report.Line();

        // The per-frame CNN runs once per clip set (the moving average is applied to its output below with
        // EmotionRecognizer's formula); the temporal model streams through EmotionRecognizer in LSTM mode.
        var cnnConstant = Stream(new EmotionRecognizer(cnn, new RecognizerOptions { Smoothing = 0, UncertainBelow = 0, Temporal = TemporalMode.MovingAverage }), constant);
        var cnnChanging = Stream(new EmotionRecognizer(cnn, new RecognizerOptions { Smoothing = 0, UncertainBelow = 0, Temporal = TemporalMode.MovingAverage }), changing);
        var rows = new List<string[]>();
        var points = new List<(string Name, double Lag, double Switches)>();
        foreach (var s in Strengths)
        {
            var name = s == 0 ? "per-frame CNN (no smoothing)" : string.Create(CultureInfo.InvariantCulture, $"CNN + moving average {s:0.##}");
            var r = Measure(Smooth(cnnConstant, s), constant, Smooth(cnnChanging, s), changing);
            rows.Add(r.Row(name));
            points.Add((name, r.MedianLag, r.SwitchesPerMinute));
        }
        var mean = ClipMeanAccuracy(cnnConstant, constant);
        var lstmConstant = Stream(new EmotionRecognizer(lstm, new RecognizerOptions { UncertainBelow = 0, Temporal = TemporalMode.Lstm }), constant);
        var lstmChanging = Stream(new EmotionRecognizer(lstm, new RecognizerOptions { UncertainBelow = 0, Temporal = TemporalMode.Lstm }), changing);
        var t = Measure(Smooth(lstmConstant, 0), constant, Smooth(lstmChanging, 0), changing);
        rows.Add(t.Row("temporal LSTM (streaming state)"));
        points.Add(("temporal LSTM", t.MedianLag, t.SwitchesPerMinute));

        report.Table(["method", "frame accuracy", "on corrupted frames", "clip accuracy (last frame)", "false switches / min", "lag median (frames)", "lag p90", "never follows"], rows);
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"Mean of the per-frame CNN probabilities over each whole constant clip (offline, not a stream): clip accuracy {mean:P2}."));
        report.Line();
        Plot(points, plotPath);
        report.Line($"![responsiveness against stability]({Path.GetRelativePath("docs", plotPath).Replace('\\', '/')})");
        report.Line();
    }

    private sealed record ClipSet(TemporalClipOptions Options, byte[][] Frames, int[][] Targets, bool[][] Corrupted)
    {
        public double CorruptedShare => Corrupted.Sum(c => c.Count(x => x)) / (double)Corrupted.Sum(c => c.Length);
    }

    private sealed record Result(double FrameAccuracy, double CorruptedAccuracy, double ClipAccuracy, double SwitchesPerMinute, double MedianLag, double P90Lag, double Never)
    {
        public string[] Row(string name) =>
        [
            name, Pct(FrameAccuracy), Pct(CorruptedAccuracy), Pct(ClipAccuracy), F(SwitchesPerMinute, "0.0"),
            F(MedianLag, "0"), F(P90Lag, "0"), Pct(Never),
        ];
    }

    private static string Pct(double v) => v.ToString("P1", CultureInfo.InvariantCulture);
    private static string F(double v, string f) => double.IsFinite(v) ? v.ToString(f, CultureInfo.InvariantCulture) : "-";

    private static List<int> RightFaces(EmotionClassifier cnn, FaceClipSet faces)
    {
        var right = new List<int>();
        var pixels = new byte[FaceImage.FrameBytes * faces.Count];
        for (var i = 0; i < faces.Count; i++) faces.Frame(i, 0).CopyTo(pixels.AsSpan(i * FaceImage.FrameBytes));
        var p = cnn.Predict(pixels, faces.Count);
        var classes = cnn.Classes.Count;
        for (var i = 0; i < faces.Count; i++)
            if (ArgMax(p.AsSpan(i * classes, classes)) == faces.Label(i)) right.Add(i);
        return right;
    }

    private static ClipSet Constant(FaceClipSet faces, int count, int seed)
    {
        var options = TemporalClipOptions.Default with { Length = 90, ChangeProbability = 0 };
        return Render(options, count, seed, (rng, _) => [rng.Next(faces.Count)], faces);
    }

    private static ClipSet Changing(FaceClipSet faces, List<int> right, int count, int seed)
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

    // Streams every clip of a set at once, one frame at a time: clip c is track c, as faces are in analyze.
    // Returns each clip's probabilities, frame after frame.
    private static float[][][] Stream(EmotionRecognizer recognizer, ClipSet set)
    {
        var count = set.Frames.Length;
        var output = new float[count][][];
        for (var c = 0; c < count; c++) output[c] = new float[set.Options.Length][];
        for (var t = 0; t < set.Options.Length; t++)
        {
            var inputs = new FaceInput[count];
            for (var c = 0; c < count; c++) inputs[c] = new FaceInput(c, set.Frames[c].AsMemory(t * FaceImage.FrameBytes, FaceImage.FrameBytes));
            var results = recognizer.Recognize(inputs);
            for (var c = 0; c < count; c++) output[c][t] = results[c].Probabilities.ToArray();
        }
        return output;
    }

    // The shown label of every frame under a moving average of strength s: EmotionRecognizer's formula,
    // shown = s x previous + (1 - s) x current, starting from the first frame.
    private static int[][] Smooth(float[][][] probabilities, double strength)
    {
        var s = (float)strength;
        return probabilities.Select(clip =>
        {
            var shown = new int[clip.Length];
            var state = (float[])clip[0].Clone();
            for (var t = 0; t < clip.Length; t++)
            {
                if (t > 0) for (var k = 0; k < state.Length; k++) state[k] = s * state[k] + (1 - s) * clip[t][k];
                shown[t] = ArgMax(state);
            }
            return shown;
        }).ToArray();
    }

    private static Result Measure(int[][] shown, ClipSet constant, int[][] followed, ClipSet changing)
    {
        double right = 0, frames = 0, corruptRight = 0, corruptFrames = 0, clipRight = 0, switches = 0;
        for (var c = 0; c < shown.Length; c++)
        {
            for (var t = 0; t < shown[c].Length; t++)
            {
                var hit = shown[c][t] == constant.Targets[c][t] ? 1 : 0;
                right += hit; frames++;
                if (constant.Corrupted[c][t]) { corruptRight += hit; corruptFrames++; }
                if (t > 0 && shown[c][t] != shown[c][t - 1]) switches++;
            }
            clipRight += shown[c][^1] == constant.Targets[c][^1] ? 1 : 0;
        }
        var minutes = frames / Fps / 60;

        var lags = new List<double>();
        var never = 0;
        var change = changing.Options.Length / 2;
        for (var c = 0; c < followed.Length; c++)
        {
            var target = changing.Targets[c][change];
            var lag = -1;
            // Following means showing the new expression and holding it for Hold frames, not a one-frame flicker.
            for (var t = change; t + Hold <= followed[c].Length; t++)
                if (Enumerable.Range(t, Hold).All(u => followed[c][u] == target)) { lag = t - change; break; }
            if (lag < 0) never++;
            else lags.Add(lag);
        }
        lags.Sort();
        return new Result(right / frames, corruptRight / corruptFrames, clipRight / shown.Length, switches / minutes,
            Quantile(lags, 0.5), Quantile(lags, 0.9), never / (double)followed.Length);
    }

    private static double ClipMeanAccuracy(float[][][] probabilities, ClipSet set)
    {
        double right = 0;
        for (var c = 0; c < probabilities.Length; c++)
        {
            var mean = new float[probabilities[c][0].Length];
            foreach (var frame in probabilities[c]) for (var k = 0; k < mean.Length; k++) mean[k] += frame[k];
            right += ArgMax(mean) == set.Targets[c][0] ? 1 : 0;
        }
        return right / probabilities.Length;
    }

    private static double Quantile(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];

    private static int ArgMax(ReadOnlySpan<float> p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    private static void Plot(List<(string Name, double Lag, double Switches)> points, string path)
    {
        var plot = new Plot();
        var average = points.Take(Strengths.Length).ToArray();
        var line = plot.Add.Scatter(average.Select(p => p.Lag).ToArray(), average.Select(p => p.Switches).ToArray());
        line.LegendText = "per-frame CNN + moving average (strength 0 ... 0.95)";
        line.MarkerSize = 7;
        for (var i = 0; i < average.Length; i++)
        {
            var label = plot.Add.Text(Strengths[i].ToString("0.##", CultureInfo.InvariantCulture), average[i].Lag, average[i].Switches);
            label.LabelFontSize = 11;
            label.OffsetX = 6;
        }
        var lstm = points[^1];
        var dot = plot.Add.Scatter(new[] { lstm.Lag }, new[] { lstm.Switches });
        dot.LegendText = "temporal LSTM (streaming state)";
        dot.MarkerSize = 12;
        dot.MarkerShape = MarkerShape.FilledDiamond;
        plot.XLabel("frames until the output follows a change (median, 30 frames/s)");
        plot.YLabel("false switches per minute (constant expression)");
        plot.Title("Responsiveness against stability");
        plot.ShowLegend(Alignment.UpperRight);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 900, 560);
    }
}
