using System.Diagnostics;
using System.Globalization;
using EmotionNet.Inference.Analysis;
using EmotionNet.Torch;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;
using OpenCvSharp;

/// <summary>
/// Face-finding recall and precision on real photos with hand-labelled boxes (dlib's four PASCAL VOC
/// group photos): each detector on each photo on its own, then the whole 'analyze FOLDER' path.
/// </summary>
internal static class DetectionBench
{
    // Faces this small and larger count (all 18 labelled faces are 37-90 px).
    private const int MinTruthSide = 36;

    public static void Run(Report report, string folder)
    {
        var photos = DlibFaces.Load(folder);
        var truthCount = photos.Sum(p => p.Boxes.Count(b => Math.Max(b.Width, b.Height) >= MinTruthSide));
        var detectors = new (string Name, DetectorOptions Options)[]
        {
            ("YuNet, defaults (working size 320, score 0.6)", DetectorOptions.Default),
            ("YuNet, full resolution (working size 4096)", DetectorOptions.Default with { WorkingSize = 4096 }),
            ("Haar, defaults (scale 0.5, min face 32)", DetectorOptions.Default with { Kind = FaceDetectorKind.Haar }),
            ("Haar, full resolution, min face 24", DetectorOptions.Default with { Kind = FaceDetectorKind.Haar, DetectionScale = 1, MinFaceSize = 24 }),
        };
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (name, options) in detectors)
        {
            using var detector = FaceDetectors.Create(options);
            var found = new List<IReadOnlyList<FaceBox>>();
            var clock = Stopwatch.StartNew();
            foreach (var (path, _) in photos)
            {
                using var image = Cv2.ImRead(path, ImreadModes.Color);
                found.Add(detector.Detect(image));
            }
            var ms = clock.Elapsed.TotalMilliseconds / photos.Count;
            rows.Add(Row(name, photos, found, ms));
        }

        // The CLI's path: one folder analyzed as an image sequence, with the analyzer's defaults and with detection on every image.
        using var shipped = EmotionClassifier.LoadShipped(EmotionNet.Core.Runtime.DeviceKind.Cpu);
        foreach (var (name, options) in new (string, AnalyzerOptions)[]
        {
            ($"analyze FOLDER, defaults (YuNet, detect every {AnalyzerOptions.Default.DetectEvery})", AnalyzerOptions.Default),
            ("analyze FOLDER, YuNet, detect every 1", AnalyzerOptions.Default with { DetectEvery = 1 }),
        })
        {
            var byName = new Dictionary<string, IReadOnlyList<FaceBox>>();
            using var analyzer = new EmotionAnalyzer(shipped);
            Task.Run(async () =>
            {
                await foreach (var r in analyzer.AnalyzeAsync(InputSource.FromPath(folder), options))
                    byName[Path.GetFileName(r.SourceName ?? "")] = [.. r.Faces.Select(f => f.Box)];
            }).GetAwaiter().GetResult();
            var found = photos.Select(p => byName.TryGetValue(Path.GetFileName(p.Path), out var b) ? b : []).ToList();
            rows.Add(Row(name, photos, found, double.NaN));
        }

        report.Line($"`{folder}`: four PASCAL VOC group photos (dlib's `examples/faces`), {truthCount} hand-labelled faces of {MinTruthSide} px and more (37-90 px). Each detector runs on each photo on its own at its settings; a detection is a hit when it overlaps an unmatched labelled box by IoU >= 0.5 (one to one, best overlap first; IoU >= 0.4 in brackets: dlib's boxes are tight squares, YuNet's reach from forehead to chin). recall = hits / labelled faces, precision = hits / detections. The analyze rows run the library's image-folder path (what `emotionnet analyze FOLDER` does) and score the boxes it reports per photo.").Line()
            .Table(["detector", "detections", "hits", "recall", "precision", "ms/photo"], rows);
    }

    private static string[] Row(string name, IReadOnlyList<(string Path, FaceBox[] Boxes)> photos, List<IReadOnlyList<FaceBox>> found, double ms)
    {
        int hits5 = 0, hits4 = 0, detections = 0, truth = 0;
        for (var i = 0; i < photos.Count; i++)
        {
            var labelled = photos[i].Boxes.Where(b => Math.Max(b.Width, b.Height) >= MinTruthSide).ToArray();
            var (h5, f, t) = DlibFaces.Match(labelled, found[i], 0.5);
            hits5 += h5;
            hits4 += DlibFaces.Match(labelled, found[i], 0.4).Hits;
            detections += f;
            truth += t;
        }
        string Pct(int a, int b) => b == 0 ? "-" : (100.0 * a / b).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        return [name, $"{detections}", $"{hits5} ({hits4})", $"{Pct(hits5, truth)} ({Pct(hits4, truth)})", $"{Pct(hits5, detections)} ({Pct(hits4, detections)})",
            double.IsNaN(ms) ? "" : ms.ToString("0.0", CultureInfo.InvariantCulture)];
    }
}
