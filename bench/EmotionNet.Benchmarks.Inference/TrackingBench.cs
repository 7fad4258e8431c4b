using System.Globalization;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Tracking;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;
using EmotionNet.TestSupport;

/// <summary>
/// Face-frame recall, precision, box overlap and id switches on the seeded <see cref="TrackingScenes"/>
/// videos, for the tracker before (IoU only, boxes kept between detections) and after (prediction and
/// re-identification), with YuNet (the default) and the Haar cascade, at DetectEvery 1 and 3. The classifier is the
/// FakeClassifier: tracking does not depend on the emotions, and the fake keeps the run short.
/// </summary>
internal static class TrackingBench
{
    // A face counts in the recall while at most this share of it is hidden behind the pillar.
    private const double VisibleUpTo = 0.25;
    private const double MatchIou = 0.5;

    public static void Run(Report report, int[] seeds, int frames)
    {
        var videos = seeds.Select(s => (Name: s.ToString(CultureInfo.InvariantCulture), Video: TrackingScenes.Video(s, frames))).ToArray();
        report.Line($"{videos.Length} seeded videos (seeds {string.Join(", ", seeds)}) of {frames} frames, 640x480 at 30 fps, 3 faces each ({videos.Length * 3} faces in all): " +
            "each sample face walks its own lane at 3-7 px a frame, passes behind a 70 px pillar, and steps out of view for 20-60 frames once or twice. " +
            $"A face counts in the recall while at most {VisibleUpTo:P0} of it is behind the pillar (partly hidden faces are neither required nor false positives); " +
            $"a reported box matches a face at IoU >= {MatchIou}. An id switch is a face matched to a different id than the last time it was matched. " +
            "Detectors: YuNet (the default) and Haar (the seed's cascade), each at its defaults. Classifier: the FakeClassifier (tracking does not depend on it).");
        report.Line();
        ScoreAll(report, videos.Select(v => (v.Name, v.Video.Path, v.Video.Truth)).ToArray(), MatchIou, "seed");
    }

    /// <summary>
    /// The same measures on videos made from the labelled real photos (<see cref="RealPhotoScenes"/>): a camera
    /// pans over each group photo while a hand passes over one face.
    /// </summary>
    public static void RunReal(Report report, string photos, int frames)
    {
        var videos = RealPhotoScenes.Videos(photos, frames);
        var faces = videos.Sum(v => v.Truth[0].Length);
        report.Line($"{videos.Count} videos of {frames} frames, 640x480 at 30 fps, made from the labelled real photos of `{photos}` ({faces} faces): " +
            $"each photo scaled by {RealPhotoScenes.Scale} (faces of 59-144 px) and filmed by a camera that pans across it and back, so faces move by up to " +
            $"{RealPhotoScenes.MaxPan} px and leave the frame at its edges; a skin-coloured hand passes over the largest face and rests on it (covering up to 70 % of it) for " +
            $"{RealPhotoScenes.HandFrames} frames. The truth is the labelled boxes moved with the camera. A face counts in the recall while at most {VisibleUpTo:P0} of it is covered or out of frame; " +
            $"a reported box matches at IoU >= {RealMatchIou} (dlib's boxes are tight squares, YuNet's reach from forehead to chin; as in the detection section). " +
            "Classifier: the FakeClassifier.");
        report.Line();
        ScoreAll(report, videos.Select(v => (v.Name, v.Path, v.Truth)).ToArray(), RealMatchIou, "photo");
    }

    private const double RealMatchIou = 0.4;

    private static void ScoreAll(Report report, (string Name, string Path, IReadOnlyList<TrackingScenes.Truth[]> Truth)[] videos, double matchIou, string nameColumn)
    {
        var trackers = new (string Name, TrackerOptions Tracker, int DetectEvery)[]
        {
            ("before: IoU only, detect every frame", TrackerOptions.IouOnly, 1),
            ("after: prediction + re-id, detect every frame", TrackerOptions.Default, 1),
            ("before: IoU only, detect every 3rd", TrackerOptions.IouOnly, 3),
            ("after: prediction + re-id, detect every 3rd", TrackerOptions.Default, 3),
        };
        var detectors = new[] { ("YuNet", FaceDetectorKind.YuNet), ("Haar", FaceDetectorKind.Haar) };
        var configs = detectors.SelectMany(d => trackers.Select(t => (Name: $"{d.Item1}, {t.Name}", t.Tracker, t.DetectEvery, Detector: d.Item2))).ToArray();
        var rows = new List<IReadOnlyList<string>>();
        var perVideo = new List<IReadOnlyList<string>>();
        foreach (var (name, tracker, detectEvery, detector) in configs)
        {
            var total = new Score();
            foreach (var (video, path, truth) in videos)
            {
                var score = Measure(path, truth, new AnalyzerOptions { DetectEvery = detectEvery, Tracker = tracker, ModelThreads = 1, Detector = DetectorOptions.Default with { Kind = detector } }, matchIou);
                total.Add(score);
                perVideo.Add([name, video, Pct(score.Recall), score.IdSwitches.ToString(CultureInfo.InvariantCulture), score.Ids.ToString(CultureInfo.InvariantCulture), score.Faces.ToString(CultureInfo.InvariantCulture)]);
            }
            rows.Add([name, Pct(total.Recall), Pct(total.Precision), total.MeanIou.ToString("0.000", CultureInfo.InvariantCulture),
                total.IdSwitches.ToString(CultureInfo.InvariantCulture), ((double)total.IdSwitches / total.Faces).ToString("0.0", CultureInfo.InvariantCulture),
                ((double)total.Ids / total.Faces).ToString("0.0", CultureInfo.InvariantCulture)]);
            Console.Error.WriteLine($"{name}: done");
        }
        report.Table(["detector, tracker", "face-frame recall", "precision", "mean IoU of matched boxes", "id switches", "id switches per face", "ids per face"], rows);
        report.Line("Per video:").Line();
        report.Table(["detector, tracker", nameColumn, "recall", "id switches", "ids", "faces"], perVideo);
    }

    private static string Pct(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static Score Measure(string path, IReadOnlyList<TrackingScenes.Truth[]> truth, AnalyzerOptions options, double matchIou)
    {
        var count = truth[0].Length;
        var score = new Score { Faces = count };
        var last = new int?[count];
        var lastFrame = new int[count];
        var lastBox = new FaceBox[count];
        var ids = Enumerable.Range(0, count).Select(_ => new HashSet<int>()).ToArray();
        using var analyzer = new EmotionAnalyzer(new FakeClassifier(sequenceLength: 1));
        var frames = analyzer.AnalyzeAsync(InputSource.FromPath(path), options).ToBlockingEnumerable();
        foreach (var frame in frames)
        {
            var faces = truth[frame.FrameIndex];
            var pairs = new List<(double Iou, int Face, int Box)>();
            for (var f = 0; f < faces.Length; f++)
                for (var b = 0; b < frame.Faces.Count; b++)
                {
                    if (faces[f].Hidden >= 1) continue;
                    var iou = faces[f].Box.IntersectionOverUnion(frame.Faces[b].Box);
                    if (iou >= matchIou) pairs.Add((iou, f, b));
                }
            pairs.Sort((a, b) => b.Iou.CompareTo(a.Iou));
            var faceUsed = new bool[faces.Length];
            var boxUsed = new bool[frame.Faces.Count];
            foreach (var (iou, f, b) in pairs)
            {
                if (faceUsed[f] || boxUsed[b]) continue;
                faceUsed[f] = boxUsed[b] = true;
                var id = frame.Faces[b].FaceId;
                if (last[f] is { } previous && previous != id)
                {
                    score.IdSwitches++;
                    if (Environment.GetEnvironmentVariable("TRACKING_DEBUG") == "1")
                        Console.Error.WriteLine($"switch: frame {frame.FrameIndex} face {f} {previous}->{id} last seen {lastFrame[f]} at {lastBox[f]} now {frame.Faces[b].Box}");
                }
                last[f] = id;
                lastFrame[f] = frame.FrameIndex;
                lastBox[f] = frame.Faces[b].Box;
                ids[f].Add(id);
                if (faces[f].Hidden <= VisibleUpTo) { score.Matched++; score.IouSum += iou; }
            }
            score.Required += faces.Count(f => f.Hidden <= VisibleUpTo);
            score.Reported += frame.Faces.Count;
            score.ReportedMatched += boxUsed.Count(u => u);
        }
        score.Ids = ids.Sum(s => s.Count);
        return score;
    }

    private sealed class Score
    {
        public int Faces { get; set; }
        public int Required { get; set; }
        public int Matched { get; set; }
        public double IouSum { get; set; }
        public int Reported { get; set; }
        public int ReportedMatched { get; set; }
        public int IdSwitches { get; set; }
        public int Ids { get; set; }
        public double Recall => Required == 0 ? 0 : (double)Matched / Required;
        public double Precision => Reported == 0 ? 0 : (double)ReportedMatched / Reported;
        public double MeanIou => Matched == 0 ? 0 : IouSum / Matched;

        public void Add(Score other)
        {
            Faces += other.Faces; Required += other.Required; Matched += other.Matched; IouSum += other.IouSum;
            Reported += other.Reported; ReportedMatched += other.ReportedMatched; IdSwitches += other.IdSwitches; Ids += other.Ids;
        }
    }
}
