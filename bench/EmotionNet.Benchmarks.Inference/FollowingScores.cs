using System.Globalization;

/// <summary>How a following did on constant-expression clips: accuracy, on corrupted frames, at the last frame, and label switches.</summary>
internal sealed record Stability(double FrameAccuracy, double CorruptedAccuracy, double ClipAccuracy, double SwitchesPerMinute)
{
    public static Stability Of(int[][] shown, TemporalClips.ClipSet clips)
    {
        double right = 0, frames = 0, corruptRight = 0, corruptFrames = 0, clipRight = 0, switches = 0;
        for (var c = 0; c < shown.Length; c++)
        {
            for (var t = 0; t < shown[c].Length; t++)
            {
                var hit = shown[c][t] == clips.Targets[c][t] ? 1 : 0;
                right += hit;
                frames++;
                if (clips.Corrupted[c][t]) { corruptRight += hit; corruptFrames++; }
                // The expression never changes: every switch of the shown label is a false one.
                if (t > 0 && shown[c][t] != shown[c][t - 1]) switches++;
            }
            clipRight += shown[c][^1] == clips.Targets[c][^1] ? 1 : 0;
        }
        return new Stability(right / frames, corruptRight / corruptFrames, clipRight / shown.Length, switches / (frames / TemporalClips.Fps / 60));
    }
}

/// <summary>How fast a following showed a cut to another expression: frames until it shows the new one for <see cref="TemporalClips.Hold"/> frames in a row.</summary>
internal sealed record Responsiveness(double MedianLag, double P90Lag, double Never)
{
    public static Responsiveness Of(int[][] shown, TemporalClips.ClipSet clips)
    {
        var lags = new List<double>();
        var never = 0;
        var change = clips.Options.Length / 2;
        for (var c = 0; c < shown.Length; c++)
        {
            var lag = Following.FirstHeld(shown[c], clips.Targets[c][change], change) - change;
            if (lag < 0) never++;
            else lags.Add(lag);
        }
        lags.Sort();
        return new Responsiveness(Following.Quantile(lags, 0.5), Following.Quantile(lags, 0.9), never / (double)shown.Length);
    }
}

/// <summary>
/// How a following did on <see cref="OnsetClips"/>: accuracy at the peak (the last frame of a sequence that
/// ends there, as lab onset sequences do) and some frames after it, and at the peak the clips it got right
/// that the per-frame output got wrong (gained) and the other way round (lost).
/// </summary>
internal sealed record OnsetScore(double AtPeak, int Lost, int Gained, double After3, double After10, double Held, double MedianShownFrom)
{
    public static OnsetScore Of(int[][] shown, int[][] perFrame, OnsetClips clips)
    {
        const int peak = OnsetClips.Peak;
        double atPeak = 0, after3 = 0, after10 = 0, held = 0, heldFrames = 0;
        int lost = 0, gained = 0;
        var shownFrom = new List<double>();
        for (var c = 0; c < shown.Length; c++)
        {
            var target = clips.Targets[c];
            var right = shown[c][peak] == target;
            atPeak += right ? 1 : 0;
            if (right && perFrame[c][peak] != target) gained++;
            if (!right && perFrame[c][peak] == target) lost++;
            after3 += shown[c][peak + 3] == target ? 1 : 0;
            after10 += shown[c][peak + 10] == target ? 1 : 0;
            for (var t = peak + 1; t < OnsetClips.Length; t++, heldFrames++) held += shown[c][t] == target ? 1 : 0;
            // From when the expression is shown for good (Hold frames in a row), relative to the peak; never: after the clip.
            var from = Following.FirstHeld(shown[c], target, 0);
            shownFrom.Add(from < 0 ? double.PositiveInfinity : from - peak);
        }
        shownFrom.Sort();
        var n = (double)shown.Length;
        return new OnsetScore(atPeak / n, lost, gained, after3 / n, after10 / n, held / heldFrames, Following.Quantile(shownFrom, 0.5));
    }
}

internal static class Following
{
    /// <summary>The first frame from <paramref name="from"/> on that starts <see cref="TemporalClips.Hold"/> frames in a row of <paramref name="label"/>, or -1.</summary>
    public static int FirstHeld(int[] shown, int label, int from)
    {
        var run = 0;
        for (var t = from; t < shown.Length; t++)
        {
            run = shown[t] == label ? run + 1 : 0;
            if (run == TemporalClips.Hold) return t - TemporalClips.Hold + 1;
        }
        return -1;
    }

    public static double Quantile(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];

    public static string Pct(double v) => v.ToString("P1", CultureInfo.InvariantCulture);

    public static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
