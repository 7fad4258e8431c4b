using EmotionNet.Core.Emotions;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Results;

/// <summary>Accumulates frame results into an <see cref="AnalysisSummary"/>, one frame at a time.</summary>
public sealed class SummaryBuilder
{
    private readonly string input;
    private readonly ClassSet classes;
    private readonly SortedDictionary<int, FaceTally> faces = [];
    private readonly int[] labelCounts;
    private readonly List<SkippedInput> skipped = [];
    private readonly bool timed;
    private int frames;
    private int framesWithFaces;
    private double lastSeconds;

    /// <summary>Starts an empty summary of <paramref name="input"/> over <paramref name="classes"/>.</summary>
    /// <param name="input">The input's name.</param>
    /// <param name="classes">The classes of the results.</param>
    /// <param name="timed">False for independent photos: the summary then has no times, and each face names its photo (<see cref="FaceSummary.Source"/>).</param>
    public SummaryBuilder(string input, ClassSet classes, bool timed = true)
    {
        this.timed = timed;
        ArgumentNullException.ThrowIfNull(classes);
        this.input = input;
        this.classes = classes;
        labelCounts = new int[classes.Count];
    }

    /// <summary>Adds one processed frame.</summary>
    public void Add(FrameResult frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        frames++;
        lastSeconds = Math.Max(lastSeconds, frame.TimeSeconds);
        if (frame.Faces.Count > 0) framesWithFaces++;
        foreach (var face in frame.Faces)
        {
            var label = classes.IndexOf(face.Label);
            if (label < 0) continue;
            if (!faces.TryGetValue(face.FaceId, out var tally))
                faces[face.FaceId] = tally = new FaceTally(classes.Count, frame.TimeSeconds, timed ? null : frame.SourceName);
            tally.Add(label, frame.TimeSeconds, face.Confidence, face.Uncertain);
            labelCounts[label]++;
        }
    }

    /// <summary>Records a file that was passed over (it is listed in the summary with its reason).</summary>
    public void Skip(SkippedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        skipped.Add(input);
    }

    /// <summary>The summary of the frames added so far.</summary>
    public AnalysisSummary Build()
    {
        var total = labelCounts.Sum();
        var faceSummaries = faces.Select(f => new FaceSummary(
            f.Key, f.Value.Frames, f.Value.First, f.Value.Last, classes.Classes[ArgMax.Of<int>(f.Value.Labels)],
            f.Value.Labels.Select(n => (double)n / f.Value.Frames).ToArray(), f.Value.Uncertain, f.Value.ConfidenceSum / f.Value.Frames) { Source = f.Value.Source }).ToArray();
        return new AnalysisSummary(input, classes, frames, framesWithFaces, frames - framesWithFaces, lastSeconds,
            total == 0 ? null : classes.Classes[ArgMax.Of<int>(labelCounts)],
            labelCounts.Select(n => total == 0 ? 0.0 : (double)n / total).ToArray(),
            faceSummaries) { Skipped = skipped.ToArray(), Timed = timed };
    }

    private sealed class FaceTally(int classCount, double first, string? source)
    {
        public string? Source { get; } = source;
        public int[] Labels { get; } = new int[classCount];
        public int Frames { get; private set; }
        public double First { get; } = first;
        public double Last { get; private set; } = first;
        public int Uncertain { get; private set; }
        public double ConfidenceSum { get; private set; }

        public void Add(int label, double time, float confidence, bool uncertain)
        {
            Labels[label]++;
            Frames++;
            Last = time;
            ConfidenceSum += confidence;
            if (uncertain) Uncertain++;
        }
    }
}
