using System.Globalization;
using System.Text.Json;
using EmotionNet.Core.Emotions;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Recognition;
using EmotionNet.Inference.Segments;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Tests.Segments;

public class SegmentsEndToEndTests
{
    private static float[] Showing(Emotion emotion, float p)
    {
        var probabilities = new float[ClassSet.Fer7.Count];
        Array.Fill(probabilities, (1 - p) / (probabilities.Length - 1));
        probabilities[ClassSet.Fer7.IndexOf(emotion)] = p;
        return probabilities;
    }

    [Fact]
    public async Task Analyzing_a_video_writes_segments_that_agree_with_frames_csv()
    {
        using var folder = new TempFolder();
        var video = folder.File("clip.avi");
        // 30 frames at 30 fps: a face for 20 frames, then none. The model says Happy for its first 10 frames, then Angry.
        SyntheticScene.WriteVideo(video, 30, 640, 480, 30, i => i < 20 ? [("face2.png", new FaceBox(200 + i * 3, 120, 160, 160))] : []);
        var classifier = new FakeClassifier { Next = call => call < 10 ? Showing(Emotion.Happy, 0.8f) : Showing(Emotion.Angry, 0.6f) };
        var options = new AnalyzerOptions { DetectEvery = 1, Recognizer = new RecognizerOptions { Smoothing = 0 } };
        var output = folder.File("out");

        var report = await AnalysisRunner.RunAsync(classifier, InputSource.FromPath(video), options, new OutputOptions { Directory = output });

        var csvPath = Path.Combine(output, OutputOptions.SegmentsCsv);
        var jsonPath = Path.Combine(output, OutputOptions.SegmentsJson);
        Assert.Contains(Path.GetFullPath(csvPath), report.Files);
        Assert.Contains(Path.GetFullPath(jsonPath), report.Files);
        var rows = File.ReadAllLines(csvPath).Skip(1).Select(SegmentWriterTests.SplitCsv).ToArray();
        Assert.Equal(report.Segments, rows.Length);
        var stored = SegmentJson.Read(jsonPath);
        Assert.Equal(rows.Length, stored.Count);

        // The same segments recomputed from frames.csv alone: per face, runs of one label with no absence over the gap.
        var frames = File.ReadAllLines(Path.Combine(output, OutputOptions.FramesCsv)).Skip(1).Select(l => l.Split(','))
            .Where(f => f[3].Length > 0) // frame,source,time_s,face_id,x,y,w,h,label,confidence
            .Select(f => (Frame: int.Parse(f[0], CultureInfo.InvariantCulture), Time: double.Parse(f[2], CultureInfo.InvariantCulture), Face: int.Parse(f[3], CultureInfo.InvariantCulture),
                Label: f[8], Confidence: double.Parse(f[9], CultureInfo.InvariantCulture)))
            .ToArray();
        var expected = new List<(int Face, string Label, int Start, int End, int Frames, double Mean)>();
        foreach (var face in frames.GroupBy(f => f.Face))
        {
            var run = new List<(int Frame, double Time, int Face, string Label, double Confidence)>();
            foreach (var row in face.OrderBy(r => r.Frame))
            {
                if (run.Count > 0 && (run[^1].Label != row.Label || row.Time - run[^1].Time - 1 / 30.0 > SegmentOptions.Default.GapSeconds + 1e-6))
                {
                    expected.Add((face.Key, run[0].Label, run[0].Frame, run[^1].Frame, run.Count, run.Average(r => r.Confidence)));
                    run.Clear();
                }
                run.Add(row);
            }
            expected.Add((face.Key, run[0].Label, run[0].Frame, run[^1].Frame, run.Count, run.Average(r => r.Confidence)));
        }
        expected = expected.OrderBy(e => e.Start).ThenBy(e => e.Face).ToList();
        Assert.Equal(expected.Select(e => (e.Face, e.Label, e.Start, e.End, e.Frames)),
            stored.Select(s => (s.TrackId, s.Emotion.ToString(), s.StartFrame, s.EndFrame, s.Frames)));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Mean, stored[i].MeanConfidence, 3);
            Assert.Equal("clip.avi", rows[i][0]); // the file name: no machine's path in the segments
            Assert.Equal(stored[i].StartFrame / 30.0, stored[i].StartSeconds, 3);
            Assert.Equal((stored[i].EndFrame + 1) / 30.0, stored[i].EndSeconds, 3);
        }

        // What the clip shows: one face, happy, then angry from the 11th frame the model saw, without a gap between.
        Assert.True(stored.Count >= 2, $"{stored.Count} segment(s)");
        Assert.Equal((Emotion.Happy, Emotion.Angry), (stored[0].Emotion, stored[1].Emotion));
        Assert.Equal(stored[0].EndSeconds, stored[1].StartSeconds, 3);
        Assert.Equal(0.8, stored[0].MeanConfidence, 3);
        Assert.Equal(0.6, stored[1].MeanConfidence, 3);
        Assert.Equal(report.Summary.Faces.Sum(f => f.Frames), stored.Sum(s => s.Frames));
    }

    [Fact]
    public async Task Independent_photos_each_get_one_frame_segments_without_duration_named_by_file()
    {
        using var folder = new TempFolder();
        var images = folder.File("faces");
        Directory.CreateDirectory(images);
        for (var i = 0; i < 3; i++) File.Copy(SyntheticScene.AssetPath(SyntheticScene.FaceFiles[i]), Path.Combine(images, $"p{i + 1}.png"));
        var output = folder.File("out");

        var report = await AnalysisRunner.RunAsync(new FakeClassifier(), InputSource.FromPath(images), new AnalyzerOptions { FacesCropped = true }, new OutputOptions { Directory = output });

        var segments = SegmentJson.Read(Path.Combine(output, OutputOptions.SegmentsJson));
        Assert.Equal(3, report.Segments);
        Assert.Equal(["p1.png", "p2.png", "p3.png"], segments.Select(s => s.Source));
        Assert.Equal([1, 2, 3], segments.Select(s => s.TrackId));
        Assert.All(segments, s => Assert.Equal((1, false), (s.Frames, s.Timed)));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, OutputOptions.SegmentsJson)));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("frame_interval_s").ValueKind);
        // Photos have no time: neither file claims one.
        Assert.All(json.RootElement.GetProperty("segments").EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("start_s").ValueKind));
        Assert.All(File.ReadAllLines(Path.Combine(output, OutputOptions.SegmentsCsv)).Skip(1), row => Assert.Equal(["", ""], row.Split(',')[3..5]));
    }
}
