using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Recognition;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;
using OpenCvSharp;

namespace EmotionNet.Inference.Tests;

/// <summary>A folder of unrelated photos: no tracking, smoothing or detect-every carry-over across files (issue 14).</summary>
public class PhotoFolderTests
{
    private static readonly FaceBox Place = new(200, 120, 180, 180);

    // a.png: face1 at Place; b.png: face2 at the same place (or no face); c.png ... as given.
    private static string Folder(TempFolder temp, params string?[] faces)
    {
        var dir = Path.Combine(temp.Path, "photos");
        Directory.CreateDirectory(dir);
        for (var i = 0; i < faces.Length; i++)
        {
            using var face = faces[i] is { } name ? SyntheticScene.LoadFace(name) : null;
            using var frame = SyntheticScene.Compose(640, 480, face is null ? [] : [(face, Place)]);
            Cv2.ImWrite(Path.Combine(dir, $"{(char)('a' + i)}.png"), frame);
        }
        return dir;
    }

    private static async Task<List<FrameResult>> Analyze(IEmotionClassifierFactory make, string path, AnalyzerOptions options)
    {
        var frames = new List<FrameResult>();
        using var analyzer = new EmotionAnalyzer(make.Create());
        await foreach (var f in analyzer.AnalyzeAsync(InputSource.FromPath(path), options)) frames.Add(f);
        return frames;
    }

    private interface IEmotionClassifierFactory { EmotionNet.Core.Classifiers.IEmotionClassifier Create(); }

    private sealed class Fakes : IEmotionClassifierFactory
    {
        // A distribution that depends on every pixel of the clip's last crop, so two different faces get different ones.
        public EmotionNet.Core.Classifiers.IEmotionClassifier Create()
        {
            var fake = new FakeClassifier(sequenceLength: 2);
            fake.Next = call =>
            {
                var last = fake.Calls[call].Frames.AsSpan(fake.Calls[call].Frames.Length - EmotionNet.Core.Imaging.FaceImage.FrameBytes);
                long hash = 0;
                foreach (var b in last) hash = hash * 31 + b;
                var p = new float[7];
                Array.Fill(p, 0.05f);
                p[(int)((hash & 0x7fffffff) % 7)] = 0.7f;
                return p;
            };
            return fake;
        }
    }

    [Fact]
    public async Task Two_photos_with_faces_in_the_same_place_get_two_unlinked_ids()
    {
        using var temp = new TempFolder();
        var frames = await Analyze(new Fakes(), Folder(temp, "face1.png", "face2.png"), AnalyzerOptions.Default);
        var a = Assert.Single(frames[0].Faces);
        var b = Assert.Single(frames[1].Faces);
        Assert.NotEqual(a.FaceId, b.FaceId);
    }

    [Fact]
    public async Task A_photo_is_not_smoothed_with_the_photo_before_it()
    {
        using var temp = new TempFolder();
        var dir = Folder(temp, "face1.png", "face2.png");
        var together = await Analyze(new Fakes(), dir, AnalyzerOptions.Default);
        // b.png alone, in a folder of its own.
        var alone = Path.Combine(temp.Path, "alone");
        Directory.CreateDirectory(alone);
        File.Copy(Path.Combine(dir, "b.png"), Path.Combine(alone, "b.png"));
        var single = await Analyze(new Fakes(), alone, AnalyzerOptions.Default);
        Assert.Equal(Assert.Single(single[0].Faces).Probabilities, Assert.Single(together[1].Faces).Probabilities);
    }

    [Fact]
    public async Task Detect_every_does_not_report_one_photos_boxes_on_the_next()
    {
        using var temp = new TempFolder();
        var frames = await Analyze(new Fakes(), Folder(temp, "face1.png", null, null), new AnalyzerOptions { DetectEvery = 3 });
        Assert.Single(frames[0].Faces);
        Assert.Empty(frames[1].Faces);
        Assert.Empty(frames[2].Faces);
    }

    [Fact]
    public async Task As_a_sequence_the_photos_are_tracked_and_smoothed_as_frames()
    {
        using var temp = new TempFolder();
        var dir = Folder(temp, "face1.png", "face2.png", null);
        // The moving average shows what a face carries from frame to frame in its probabilities.
        var averaged = new RecognizerOptions { Temporal = TemporalMode.MovingAverage };
        var sequence = await Analyze(new Fakes(), dir, new AnalyzerOptions { Sequence = true, DetectEvery = 1, Recognizer = averaged });
        Assert.Equal(Assert.Single(sequence[0].Faces).FaceId, Assert.Single(sequence[1].Faces).FaceId);
        var independent = await Analyze(new Fakes(), dir, new AnalyzerOptions { DetectEvery = 1, Recognizer = averaged });
        Assert.NotEqual(independent[1].Faces[0].Probabilities, sequence[1].Faces[0].Probabilities);
        // With detect-every the third image, which has no face, carries the second's box as a sequence.
        var carried = await Analyze(new Fakes(), dir, new AnalyzerOptions { Sequence = true, DetectEvery = 2 });
        Assert.Single(carried[1].Faces);
    }

    [Fact]
    public async Task Outputs_of_independent_photos_name_each_photo_and_claim_no_time()
    {
        using var temp = new TempFolder();
        var dir = Folder(temp, "face1.png", "face2.png", null);
        var output = Path.Combine(temp.Path, "out");

        var report = await AnalysisRunner.RunAsync(new FakeClassifier(), InputSource.FromPath(dir), AnalyzerOptions.Default,
            new OutputOptions { Directory = output, Plots = EmotionNet.Plotting.AnalysisPlots.Instance });

        Assert.False(report.Summary.Timed);
        Assert.Equal(["a.png", "b.png"], report.Summary.Faces.Select(f => f.Source));
        var rows = File.ReadAllLines(Path.Combine(output, OutputOptions.FramesCsv)).Skip(1).Select(r => r.Split(',')).ToArray();
        Assert.Equal(["a.png", "b.png", "c.png"], rows.Select(r => r[1]));
        Assert.All(rows, r => Assert.Equal("", r[2])); // time_s
        using (var frames = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputOptions.FramesJson))))
            Assert.All(frames.RootElement.GetProperty("frames").EnumerateArray(), f => Assert.Equal(System.Text.Json.JsonValueKind.Null, f.GetProperty("time_s").ValueKind));
        using (var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputOptions.SummaryJson))))
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, summary.RootElement.GetProperty("duration_s").ValueKind);
            var first = summary.RootElement.GetProperty("faces")[0];
            Assert.Equal("a.png", first.GetProperty("source").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("first_s").ValueKind);
        }
        Assert.Contains("photo", File.ReadAllLines(Path.Combine(output, OutputOptions.SummaryText))[1], StringComparison.Ordinal);
        // No time axis for unrelated photos: a bar per face instead of the timeline (160 px of frame + 28 per face).
        Assert.False(File.Exists(Path.Combine(output, OutputOptions.TimelinePng)));
        using var plot = Cv2.ImRead(Path.Combine(output, OutputOptions.FacesPng));
        Assert.Equal((EmotionNet.Plotting.PhotoFacesPlot.Width, 160 + 28 * 2), (plot.Width, plot.Height));
    }

    [Fact]
    public async Task A_folder_analyzed_as_a_sequence_keeps_its_times_and_timeline()
    {
        using var temp = new TempFolder();
        var dir = Folder(temp, "face1.png", "face1.png");
        var output = Path.Combine(temp.Path, "out");

        var report = await AnalysisRunner.RunAsync(new FakeClassifier(), InputSource.FromPath(dir), new AnalyzerOptions { Sequence = true },
            new OutputOptions { Directory = output, Plots = EmotionNet.Plotting.AnalysisPlots.Instance });

        Assert.True(report.Summary.Timed);
        Assert.Null(Assert.Single(report.Summary.Faces).Source);
        var rows = File.ReadAllLines(Path.Combine(output, OutputOptions.FramesCsv)).Skip(1).Select(r => r.Split(',')).ToArray();
        Assert.Equal(["0", "0.033"], rows.Select(r => r[2]));
        Assert.True(File.Exists(Path.Combine(output, OutputOptions.TimelinePng)));
        Assert.False(File.Exists(Path.Combine(output, OutputOptions.FacesPng)));
    }
}
