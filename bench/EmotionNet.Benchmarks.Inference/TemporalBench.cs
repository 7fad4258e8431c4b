using System.Globalization;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Runtime;
using EmotionNet.Inference.Recognition;
using EmotionNet.Torch;
using ScottPlot;

/// <summary>
/// The temporal model and the default following against per-frame CNN plus smoothing, on seeded clips rendered
/// from FER2013 PrivateTest faces (faces no model trained or selected on, and no following was chosen on: the
/// onset bench chooses on PublicTest) by the same renderer training uses, at 30 frames/s:
/// (1) constant-expression clips with bursts of corrupted frames: per-frame accuracy, accuracy on the
/// corrupted frames, clip accuracy and false switches per minute; (2) clean clips whose expression changes
/// at the midpoint, between two faces the per-frame CNN gets right on their own: frames until the output
/// follows (shows the new expression and holds it for 5 frames); (3) onsets (<see cref="OnsetClips"/>, the
/// late shape): accuracy at the peak. The CNN and the LSTM run through <see cref="EmotionRecognizer"/>, the
/// class <c>analyze</c> uses, and each shipped following through <see cref="EmotionFollower"/>; the adaptive
/// averages the onset bench tried are reported beside them.
/// </summary>
internal static class TemporalBench
{
    private static readonly double[] Strengths = [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

    public static void Run(Report report, string fer, string temporalCheckpoint, string plotPath, int clips, int seed)
    {
        var data = DataSources.Load(fer, new DataLoadOptions { Classes = ClassSet.Fer7 });
        var faces = data.PrivateTest;
        using var cnn = EmotionClassifier.LoadShipped(DeviceKind.Cpu);
        using var lstm = EmotionClassifier.Load(temporalCheckpoint, DeviceKind.Cpu);
        if (!lstm.TrainedForStreaming) throw new InvalidOperationException($"{temporalCheckpoint} was not trained to stream (train-temporal).");

        // Faces the per-frame CNN gets right on their own: a change between two of them can be followed.
        var right = TemporalClips.RightFaces(cnn, faces);
        var constant = TemporalClips.Constant(faces, clips, seed);
        var changing = TemporalClips.Changing(faces, right, clips, seed + 1);
        var onsets = OnsetClips.Create(faces, clips, seed + 2, OnsetShape.Late);
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"{clips} constant-expression clips of {constant.Options.Length} frames ({constant.Options.Length / TemporalClips.Fps:0.#} s at {TemporalClips.Fps} frames/s) from PrivateTest faces, " +
            $"{constant.CorruptedShare:P1} of their frames corrupted (occlusion, blur, misalignment, flicker, repeated frames; bursts of 1-{constant.Options.Nuisance.MaxBurstFrames}); " +
            $"{clips} clean clips of {changing.Options.Length} frames changing expression at frame {changing.Options.Length / 2}, between two faces the shipped model classifies right " +
            $"({right.Count} of {faces.Count} PrivateTest faces); the output follows a change when it shows the new expression for {TemporalClips.Hold} frames in a row; " +
            $"{onsets.Count} onsets from neutral to a PrivateTest face's expression (the late shape of the onset bench below). Seed {seed}. Temporal model: `{temporalCheckpoint}`."));
        report.Line();

        // The per-frame CNN runs once per clip set and every following is applied to its output; the temporal
        // model streams through EmotionRecognizer in LSTM mode.
        var cnnConstant = TemporalClips.Stream(TemporalClips.PerFrame(cnn), constant.Frames, constant.Options.Length);
        var cnnChanging = TemporalClips.Stream(TemporalClips.PerFrame(cnn), changing.Frames, changing.Options.Length);
        var cnnOnsets = TemporalClips.Stream(TemporalClips.PerFrame(cnn), onsets.Frames, OnsetClips.Length);
        var lstmRecognizer = () => new EmotionRecognizer(lstm, new RecognizerOptions { UncertainBelow = 0, Temporal = TemporalMode.Lstm });
        var lstmConstant = TemporalClips.Stream(lstmRecognizer(), constant.Frames, constant.Options.Length);
        var lstmChanging = TemporalClips.Stream(lstmRecognizer(), changing.Frames, changing.Options.Length);
        var lstmOnsets = TemporalClips.Stream(lstmRecognizer(), onsets.Frames, OnsetClips.Length);

        var perFrameOnsets = FollowingCandidates.PerFrame.Apply(cnnOnsets);
        var rows = new List<string[]>();
        var points = new List<(string Name, double Lag, double Switches)>();
        void Row(FollowingCandidate candidate, float[][][] steady, float[][][] cut, float[][][] onset, string name)
        {
            var s = Stability.Of(candidate.Apply(steady), constant);
            var r = Responsiveness.Of(candidate.Apply(cut), changing);
            var o = OnsetScore.Of(candidate.Apply(onset), perFrameOnsets, onsets);
            rows.Add([name, Following.Pct(s.FrameAccuracy), Following.Pct(s.CorruptedAccuracy), Following.Pct(s.ClipAccuracy), Following.F(s.SwitchesPerMinute, "0.0"),
                Following.F(r.MedianLag, "0"), Following.F(r.P90Lag, "0"), Following.Pct(r.Never), Following.Pct(o.AtPeak), $"{o.Lost} / {o.Gained}"]);
            points.Add((name, r.MedianLag, s.SwitchesPerMinute));
        }
        foreach (var s in Strengths)
            Row(s == 0 ? FollowingCandidates.PerFrame : FollowingCandidates.MovingAverage(s), cnnConstant, cnnChanging, cnnOnsets,
                s == 0 ? "per-frame CNN (no following)" : string.Create(CultureInfo.InvariantCulture, $"CNN + moving average {s:0.##}"));
        // The adaptive averages and hysteresis over an average that the onset bench tried (not plotted).
        foreach (var candidate in new[] { FollowingCandidates.DivergenceAverage(0.9, 1), FollowingCandidates.DivergenceAverage(0.9, 2),
                     FollowingCandidates.OneEuroAverage(0.9, 0.7, 5), FollowingCandidates.AveragedHysteresis(0.3, 0.2) })
            Row(candidate, cnnConstant, cnnChanging, cnnOnsets, "CNN + " + candidate.Name);
        var margin = RecognizerOptions.Default.SwitchMargin;
        Row(FollowingCandidates.Hysteresis(margin), cnnConstant, cnnChanging, cnnOnsets,
            string.Create(CultureInfo.InvariantCulture, $"**CNN + hysteresis {margin:0.##} (the default)**"));
        Row(FollowingCandidates.Lstm, lstmConstant, lstmChanging, lstmOnsets, "temporal LSTM (streaming state)");

        report.Table(["method", "frame accuracy", "on corrupted frames", "clip accuracy (last frame)", "false switches / min", "lag median (frames)", "lag p90", "never follows",
            "onset: at the peak", "lost / gained vs per-frame"], rows);
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"Mean of the per-frame CNN probabilities over each whole constant clip (offline, not a stream): clip accuracy {ClipMeanAccuracy(cnnConstant, constant):P2}."));
        report.Line();
        Plot(points, plotPath);
        report.Line($"![responsiveness against stability]({Path.GetRelativePath("docs", plotPath).Replace('\\', '/')})");
        report.Line();
    }

    private static double ClipMeanAccuracy(float[][][] probabilities, TemporalClips.ClipSet set)
    {
        double right = 0;
        for (var c = 0; c < probabilities.Length; c++)
        {
            var mean = new float[probabilities[c][0].Length];
            foreach (var frame in probabilities[c]) for (var k = 0; k < mean.Length; k++) mean[k] += frame[k];
            right += TemporalClips.ArgMax(mean) == set.Targets[c][0] ? 1 : 0;
        }
        return right / probabilities.Length;
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
        var hysteresis = points[^2];
        var square = plot.Add.Scatter(new[] { hysteresis.Lag }, new[] { hysteresis.Switches });
        square.LegendText = string.Create(CultureInfo.InvariantCulture, $"per-frame CNN + hysteresis {RecognizerOptions.Default.SwitchMargin:0.##} (the default)");
        square.MarkerSize = 12;
        square.MarkerShape = MarkerShape.FilledSquare;
        var lstm = points[^1];
        var dot = plot.Add.Scatter(new[] { lstm.Lag }, new[] { lstm.Switches });
        dot.LegendText = "temporal LSTM (streaming state)";
        dot.MarkerSize = 12;
        dot.MarkerShape = MarkerShape.FilledDiamond;
        plot.XLabel("frames until the output follows a change (median, 30 frames/s)");
        plot.YLabel("false switches per minute (constant expression)");
        plot.Title("Responsiveness against stability (PrivateTest)");
        plot.ShowLegend(Alignment.UpperRight);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 900, 560);
    }
}
