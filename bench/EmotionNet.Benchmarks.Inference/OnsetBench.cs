using System.Globalization;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Runtime;
using EmotionNet.Inference.Recognition;
using EmotionNet.Torch;

/// <summary>
/// Chooses the default following of a face (issue 26): every candidate (<see cref="FollowingCandidates"/>) on
/// expression onsets (<see cref="OnsetClips"/>: neutral to peak over 10-20 frames, two ramp shapes) and on
/// the stability and cut clips of the temporal bench, all rendered from FER2013 PublicTest faces, the split
/// choices are made on (the temporal bench reports the choice on PrivateTest). The per-frame CNN and the
/// temporal LSTM stream through <see cref="EmotionRecognizer"/>; the followings are applied to their output.
/// </summary>
internal static class OnsetBench
{
    public static void Run(Report report, string fer, string temporalCheckpoint, string plotPath, int onsetClips, int clips, int seed)
    {
        var faces = DataSources.Load(fer, new DataLoadOptions { Classes = ClassSet.Fer7 }).PublicTest;
        using var cnn = EmotionClassifier.LoadShipped(DeviceKind.Cpu);
        using var lstm = EmotionClassifier.Load(temporalCheckpoint, DeviceKind.Cpu);
        if (!lstm.TrainedForStreaming) throw new InvalidOperationException($"{temporalCheckpoint} was not trained to stream (train-temporal).");

        var late = OnsetClips.Create(faces, onsetClips, seed, OnsetShape.Late);
        var eased = OnsetClips.Create(faces, onsetClips, seed, OnsetShape.Eased);
        var right = TemporalClips.RightFaces(cnn, faces);
        var constant = TemporalClips.Constant(faces, clips, seed + 1);
        var changing = TemporalClips.Changing(faces, right, clips, seed + 2);
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"**Onsets**: {late.Count} clips of {OnsetClips.Length} frames, one per expressive PublicTest face (drawn at random), each starting on that face's look-alike among the " +
            $"{faces.ClassCounts()[faces.Classes.IndexOf(Emotion.Neutral)]} neutral PublicTest faces and cross-fading into it over {OnsetClips.MinRamp}-{OnsetClips.MaxRamp} frames " +
            $"to the peak at frame {OnsetClips.Peak}, then holding it for {OnsetClips.HoldFrames} frames; head motion, lighting and sensor noise as in training's pseudo-sequences. " +
            $"Two ramps of the blend weight: **late** (cubic: faint for most of the ramp, fastest at the end, so the evidence comes in the last frames) and **eased** (cosine: slow start and finish). " +
            $"*At the peak* is the last frame of a sequence that ends at the peak (the lab onset sequences' layout); *lost / gained* counts the clips the following gets wrong at the peak that the per-frame " +
            $"output gets right, and the other way round; *+3*, *+10*: 3 and 10 frames after the peak; *shown from*: the median frame, counted from the peak, from which the expression is shown " +
            $"for {TemporalClips.Hold} frames in a row (never: after the clip)."));
        report.Line();
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"**Stability and cuts** (as the temporal bench, on PublicTest): {clips} constant-expression clips of {constant.Options.Length} frames, {constant.CorruptedShare:P1} of frames corrupted " +
            $"in bursts; {clips} clean clips cutting at frame {changing.Options.Length / 2} between two faces the shipped model gets right ({right.Count} of {faces.Count}); the output follows a cut " +
            $"when it shows the new expression for {TemporalClips.Hold} frames in a row. *Reduction kept*: the share of the moving average 0.6's cut in false switches (from the per-frame output's) that a method keeps. " +
            $"Seed {seed}; 30 frames/s; temporal model `{temporalCheckpoint}`."));
        report.Line();

        var perFrame = new Streams(() => TemporalClips.PerFrame(cnn), late, eased, constant, changing);
        var recurrent = new Streams(() => new EmotionRecognizer(lstm, new RecognizerOptions { UncertainBelow = 0, Temporal = TemporalMode.Lstm }), late, eased, constant, changing);
        var margin = RecognizerOptions.Default.SwitchMargin;
        var candidates = new List<(FollowingCandidate Candidate, Streams Source)>
        {
            (FollowingCandidates.PerFrame, perFrame),
            (FollowingCandidates.MovingAverage(0.3), perFrame),
            (FollowingCandidates.MovingAverage(0.5), perFrame),
            (FollowingCandidates.MovingAverage(0.6), perFrame),
            (FollowingCandidates.MovingAverage(0.7), perFrame),
            (FollowingCandidates.MovingAverage(0.8), perFrame),
            (FollowingCandidates.DivergenceAverage(0.8, 1), perFrame),
            (FollowingCandidates.DivergenceAverage(0.9, 1), perFrame),
            (FollowingCandidates.DivergenceAverage(0.9, 2), perFrame),
            (FollowingCandidates.OneEuroAverage(0.8, 0.7, 5), perFrame),
            (FollowingCandidates.OneEuroAverage(0.9, 0.7, 5), perFrame),
            (FollowingCandidates.AveragedHysteresis(0.3, 0.1), perFrame),
            (FollowingCandidates.AveragedHysteresis(0.3, 0.2), perFrame),
            (FollowingCandidates.Hysteresis(0.1), perFrame),
            (FollowingCandidates.Hysteresis(0.15), perFrame),
            (FollowingCandidates.Hysteresis(0.2), perFrame),
            (FollowingCandidates.Hysteresis(0.25), perFrame),
            (FollowingCandidates.Hysteresis(0.3), perFrame),
            (FollowingCandidates.Hysteresis(0.2, 5), perFrame),
            (FollowingCandidates.Lstm, recurrent),
        };

        var baseLate = FollowingCandidates.PerFrame.Apply(perFrame.Late);
        var baseEased = FollowingCandidates.PerFrame.Apply(perFrame.Eased);
        var perFrameSwitches = Stability.Of(FollowingCandidates.PerFrame.Apply(perFrame.Constant), constant).SwitchesPerMinute;
        var averageSwitches = Stability.Of(FollowingCandidates.MovingAverage(0.6).Apply(perFrame.Constant), constant).SwitchesPerMinute;
        var onsetRows = new List<string[]>();
        var stableRows = new List<string[]>();
        var shownLate = new Dictionary<string, int[][]>();
        foreach (var (candidate, source) in candidates)
        {
            var name = candidate.Name == FollowingCandidates.Hysteresis(margin).Name ? $"**{candidate.Name} (the default)**" : candidate.Name;
            var labelsLate = candidate.Apply(source.Late);
            shownLate[candidate.Name] = labelsLate;
            var l = OnsetScore.Of(labelsLate, baseLate, late);
            var e = OnsetScore.Of(candidate.Apply(source.Eased), baseEased, eased);
            onsetRows.Add([name, Following.Pct(l.AtPeak), $"{l.Lost} / {l.Gained}", Following.Pct(l.After3), Following.Pct(l.After10), Shift(l.MedianShownFrom),
                Following.Pct(e.AtPeak), $"{e.Lost} / {e.Gained}", Following.Pct(e.After3), Following.Pct(e.After10), Shift(e.MedianShownFrom)]);
            var s = Stability.Of(candidate.Apply(source.Constant), constant);
            var r = Responsiveness.Of(candidate.Apply(source.Changing), changing);
            stableRows.Add([name, Following.Pct(s.FrameAccuracy), Following.Pct(s.CorruptedAccuracy), Following.F(s.SwitchesPerMinute, "0.0"),
                Following.Pct((perFrameSwitches - s.SwitchesPerMinute) / (perFrameSwitches - averageSwitches)),
                Following.F(r.MedianLag, "0"), Following.F(r.P90Lag, "0"), Following.Pct(r.Never)]);
        }
        report.Table(["method", "late: at the peak", "lost / gained", "+3", "+10", "shown from", "eased: at the peak", "lost / gained", "+3", "+10", "shown from"], onsetRows);
        report.Table(["method", "frame accuracy", "on corrupted frames", "false switches / min", "reduction kept", "lag median (frames)", "lag p90", "never follows"], stableRows);

        var plotted = new[]
        {
            FollowingCandidates.PerFrame.Name, FollowingCandidates.MovingAverage(0.6).Name, FollowingCandidates.DivergenceAverage(0.9, 1).Name,
            FollowingCandidates.AveragedHysteresis(0.3, 0.2).Name, FollowingCandidates.Hysteresis(margin).Name, FollowingCandidates.Lstm.Name,
        };
        var shown = OnsetPlot.Pick(late, baseLate, shownLate[FollowingCandidates.MovingAverage(0.6).Name]);
        var defaultName = FollowingCandidates.Hysteresis(margin).Name;
        OnsetPlot.Save(plotPath, late, shown, perFrame.Late[shown], plotted.Select(n => (n == defaultName ? $"{n} (the default)" : n, shownLate[n][shown])).ToArray());
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"![one onset followed by each candidate]({Path.GetRelativePath("docs", plotPath).Replace('\\', '/')}) " +
            $"(late onset {shown}: the first clip whose peak the per-frame output gets right and the moving average 0.6 does not)"));
        report.Line();
    }

    private static string Shift(double frames) => double.IsPositiveInfinity(frames) ? "never" : frames.ToString("+0;-0;0", CultureInfo.InvariantCulture);

    /// <summary>One model's probabilities on every clip set, frame after frame (a fresh recognizer per set: clip c is track c in each).</summary>
    private sealed class Streams(Func<EmotionRecognizer> recognizer, OnsetClips late, OnsetClips eased, TemporalClips.ClipSet constant, TemporalClips.ClipSet changing)
    {
        public float[][][] Late { get; } = TemporalClips.Stream(recognizer(), late.Frames, OnsetClips.Length);
        public float[][][] Eased { get; } = TemporalClips.Stream(recognizer(), eased.Frames, OnsetClips.Length);
        public float[][][] Constant { get; } = TemporalClips.Stream(recognizer(), constant.Frames, constant.Options.Length);
        public float[][][] Changing { get; } = TemporalClips.Stream(recognizer(), changing.Frames, changing.Options.Length);
    }
}
