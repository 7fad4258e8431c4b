using System.Globalization;
using System.Text.Json;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Tracking;
using EmotionNet.Vision.Faces;
using EmotionNet.Plotting;
using EmotionNet.Vision.Sources;
using EmotionNet.TestSupport;
using OpenCvSharp;

namespace EmotionNet.Inference.Tests;

public class AnalysisEndToEndTests
{
    // Detection on every frame, for tests that hold each frame's boxes against the truth (the default detects every 3rd).
    private static readonly AnalyzerOptions EveryFrame = new() { DetectEvery = 1 };

    [Fact]
    public async Task Detected_boxes_follow_a_moving_face_in_a_video_with_one_stable_id()
    {
        using var folder = new TempFolder();
        var video = folder.File("moving.avi");
        var truth = SyntheticScene.WriteVideo(video, 24, 640, 480, 24, SyntheticScene.OneMovingFace("face1.png", 80, 140, 160, 12));

        using var analyzer = new EmotionAnalyzer(new FakeClassifier());
        var frames = new List<FrameResult>();
        await foreach (var frame in analyzer.AnalyzeAsync(InputSource.FromPath(video), EveryFrame)) frames.Add(frame);

        Assert.Equal(24, frames.Count);
        Assert.Equal(Enumerable.Range(0, 24), frames.Select(f => f.FrameIndex));
        Assert.Equal(1.0, frames[24 - 1].TimeSeconds * 24 / 23, 3);
        for (var i = 0; i < frames.Count; i++)
        {
            var face = Assert.Single(frames[i].Faces);
            Assert.Equal(1, face.FaceId);
            Assert.True(face.Box.IntersectionOverUnion(truth[i][0]) > 0.4, $"frame {i}: {face.Box} vs {truth[i][0]}");
            Assert.Equal(7, face.Probabilities.Count);
        }
    }

    [Fact]
    public async Task Two_moving_faces_get_two_ids_that_stay_with_them()
    {
        using var folder = new TempFolder();
        var video = folder.File("two.avi");
        var truth = SyntheticScene.WriteVideo(video, 16, 640, 480, 16, i =>
        [
            ("face1.png", new FaceBox(20 + i * 6, 150, 150, 150)),
            ("face2.png", new FaceBox(440 - i * 4, 100, 170, 170)),
        ]);

        using var analyzer = new EmotionAnalyzer(new FakeClassifier());
        var frames = new List<FrameResult>();
        await foreach (var frame in analyzer.AnalyzeAsync(InputSource.FromPath(video), EveryFrame)) frames.Add(frame);

        foreach (var (frame, boxes) in frames.Zip(truth))
        {
            Assert.Equal(2, frame.Faces.Count);
            var left = frame.Faces.Single(f => f.Box.IntersectionOverUnion(boxes[0]) > 0.4);
            var right = frame.Faces.Single(f => f.Box.IntersectionOverUnion(boxes[1]) > 0.4);
            Assert.Equal(1, left.FaceId);
            Assert.Equal(2, right.FaceId);
        }
    }

    [Fact]
    public async Task Every_n_processes_every_nth_frame_and_max_frames_stops_early()
    {
        using var folder = new TempFolder();
        var video = folder.File("every.avi");
        SyntheticScene.WriteVideo(video, 20, 320, 240, 20, SyntheticScene.OneMovingFace("face1.png", 40, 40, 120, 2));
        using var analyzer = new EmotionAnalyzer(new FakeClassifier());

        var every3 = new List<int>();
        await foreach (var f in analyzer.AnalyzeAsync(InputSource.FromPath(video), new AnalyzerOptions { Every = 3 })) every3.Add(f.FrameIndex);
        var first5 = new List<int>();
        await foreach (var f in analyzer.AnalyzeAsync(InputSource.FromPath(video), new AnalyzerOptions { MaxFrames = 5 })) first5.Add(f.FrameIndex);

        Assert.Equal([0, 3, 6, 9, 12, 15, 18], every3);
        Assert.Equal([0, 1, 2, 3, 4], first5);
    }

    [Fact]
    public async Task Faces_cropped_mode_feeds_each_image_unchanged_as_the_face()
    {
        using var folder = new TempFolder();
        foreach (var name in SyntheticScene.FaceFiles) File.Copy(SyntheticScene.AssetPath(name), folder.File(name));
        var fake = new FakeClassifier(sequenceLength: 1);
        using var analyzer = new EmotionAnalyzer(fake);

        var frames = new List<FrameResult>();
        await foreach (var f in analyzer.AnalyzeAsync(InputSource.FromPath(folder.Path), new AnalyzerOptions { FacesCropped = true })) frames.Add(f);

        Assert.Equal(3, frames.Count);
        for (var i = 0; i < 3; i++)
        {
            using var raw = SyntheticScene.LoadFace(SyntheticScene.FaceFiles[i]);
            Assert.Equal(raw.AsSpan<byte>().ToArray(), fake.Calls[i].Frames);
            Assert.Equal(new FaceBox(0, 0, 48, 48), Assert.Single(frames[i].Faces).Box);
            Assert.Equal(SyntheticScene.FaceFiles[i], frames[i].SourceName);
        }
    }

    [Fact]
    public async Task Analyzing_a_video_writes_every_output_and_each_parses()
    {
        using var folder = new TempFolder();
        var video = folder.File("clip.avi");
        SyntheticScene.WriteVideo(video, 30, 640, 480, 30, i =>
            i < 20 ? [("face2.png", new FaceBox(200 + i * 3, 120, 160, 160))] : []);
        var output = Path.Combine(folder.Path, "out");

        var report = await AnalysisRunner.RunAsync(new FakeClassifier(), InputSource.FromPath(video), EveryFrame, new OutputOptions { Directory = output, Annotate = true, Plots = AnalysisPlots.Instance });

        Assert.Equal(30, report.Summary.FramesProcessed);
        Assert.Equal(20, report.Summary.FramesWithFaces);
        Assert.Equal(10, report.Summary.FramesWithoutFaces);
        var face = Assert.Single(report.Summary.Faces);
        Assert.Equal(20, face.Frames);
        Assert.Equal(1.0, face.Shares.Sum(), 6);

        var csv = File.ReadAllLines(Path.Combine(output, OutputOptions.FramesCsv));
        Assert.StartsWith("frame,source,time_s,face_id,x,y,w,h,label,confidence,uncertain,p_angry,", csv[0], StringComparison.Ordinal);
        Assert.Equal(1 + 30, csv.Length); // one row per frame: one face or an empty row
        Assert.All(csv, line => Assert.Equal(11 + 7, line.Split(',').Length));
        Assert.Equal("25,,0.833,,,,,,,,,,,,,,,", csv[1 + 25]); // a video frame: no source name, a time

        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputOptions.FramesJson))))
        {
            Assert.Equal(30, json.RootElement.GetProperty("frames").GetArrayLength());
            Assert.Equal(7, json.RootElement.GetProperty("classes").GetArrayLength());
        }
        using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputOptions.SummaryJson))))
            Assert.Equal(10, summary.RootElement.GetProperty("frames_without_faces").GetInt32());
        Assert.Contains("dominant", File.ReadAllText(Path.Combine(output, OutputOptions.SummaryText)), StringComparison.Ordinal);

        using (var plot = Cv2.ImRead(Path.Combine(output, OutputOptions.TimelinePng)))
        {
            Assert.Equal(EmotionTimelinePlot.Width, plot.Width);
            Assert.Equal(EmotionTimelinePlot.PanelHeight, plot.Height);
        }

        var annotated = Assert.Single(report.Files, f => Path.GetFileNameWithoutExtension(f) == OutputOptions.AnnotatedVideo);
        using (var capture = new VideoCapture(annotated))
        {
            Assert.True(capture.IsOpened());
            Assert.Equal(640, capture.FrameWidth);
            Assert.Equal(30, capture.FrameCount);
        }
        Assert.All(report.Files, f => Assert.True(File.Exists(f), f));
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Analyzing_an_image_folder_writes_annotated_pngs_and_a_panel_per_face()
    {
        using var folder = new TempFolder();
        var images = Path.Combine(folder.Path, "images");
        Directory.CreateDirectory(images);
        using (var a = SyntheticScene.LoadFace("face1.png"))
        using (var b = SyntheticScene.LoadFace("face3.png"))
        {
            for (var i = 0; i < 4; i++)
            {
                using var frame = SyntheticScene.Compose(640, 480, [(a, new FaceBox(40 + i * 5, 150, 160, 160)), (b, new FaceBox(420, 140 + i * 5, 160, 160))]);
                Cv2.ImWrite(Path.Combine(images, string.Create(CultureInfo.InvariantCulture, $"shot{i + 1}.png")), frame);
            }
        }
        var output = Path.Combine(folder.Path, "out");

        // Shots of one scene: a sequence, so the two faces keep their ids across the images.
        var report = await AnalysisRunner.RunAsync(new FakeClassifier(), InputSource.FromPath(images), new AnalyzerOptions { Sequence = true }, new OutputOptions { Directory = output, Annotate = true, Plots = AnalysisPlots.Instance });

        Assert.Equal(4, report.Summary.FramesProcessed);
        Assert.Equal([1, 2], report.Summary.Faces.Select(f => f.FaceId));
        Assert.Equal(1 + 8, File.ReadAllLines(Path.Combine(output, OutputOptions.FramesCsv)).Length);
        for (var i = 1; i <= 4; i++)
        {
            using var png = Cv2.ImRead(Path.Combine(output, OutputOptions.AnnotatedImages, $"shot{i}.png"));
            Assert.Equal(640, png.Width);
            Assert.Equal(480, png.Height);
        }
        using var plot = Cv2.ImRead(Path.Combine(output, OutputOptions.TimelinePng));
        Assert.Equal(2 * EmotionTimelinePlot.PanelHeight, plot.Height);
    }

    [Fact]
    public async Task Detect_every_n_keeps_the_last_boxes_in_between()
    {
        using var folder = new TempFolder();
        var video = folder.File("detect-every.avi");
        SyntheticScene.WriteVideo(video, 9, 640, 480, 9, SyntheticScene.OneMovingFace("face1.png", 100, 140, 160, 4));
        using var analyzer = new EmotionAnalyzer(new FakeClassifier());

        var boxes = new List<FaceBox>();
        // The tracker before prediction: boxes carried unchanged between detections.
        await foreach (var f in analyzer.AnalyzeAsync(InputSource.FromPath(video), new AnalyzerOptions { DetectEvery = 3, Tracker = TrackerOptions.IouOnly })) boxes.Add(Assert.Single(f.Faces).Box);

        Assert.Equal(9, boxes.Count);
        Assert.Equal(boxes[0], boxes[1]);
        Assert.Equal(boxes[0], boxes[2]);
        Assert.Equal(boxes[3], boxes[5]);
    }

    [Fact]
    public async Task Cancelling_a_run_still_writes_the_frames_done()
    {
        using var folder = new TempFolder();
        var video = folder.File("long.avi");
        SyntheticScene.WriteVideo(video, 40, 320, 240, 20, SyntheticScene.OneMovingFace("face1.png", 40, 40, 120, 1));
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(cancel, frames: 5);
        var output = Path.Combine(folder.Path, "out");

        var report = await AnalysisRunner.RunAsync(new FakeClassifier(), InputSource.FromPath(video), AnalyzerOptions.Default, new OutputOptions { Directory = output, Plots = AnalysisPlots.Instance }, progress, cancel.Token);

        Assert.True(report.Cancelled);
        Assert.InRange(report.Summary.FramesProcessed, 5, 6);
        Assert.Equal(1 + report.Summary.FramesProcessed, File.ReadAllLines(Path.Combine(output, OutputOptions.FramesCsv)).Length);
    }

    [Fact]
    public async Task Images_without_faces_give_empty_rows_a_null_dominant_and_a_placeholder_plot()
    {
        using var folder = new TempFolder();
        var images = Path.Combine(folder.Path, "empty");
        Directory.CreateDirectory(images);
        for (var i = 0; i < 3; i++)
        {
            using var blank = SyntheticScene.Compose(320, 240, []);
            Cv2.ImWrite(Path.Combine(images, $"blank{i}.png"), blank);
        }
        var output = Path.Combine(folder.Path, "out");

        var report = await AnalysisRunner.RunAsync(new FakeClassifier(), InputSource.FromPath(images), AnalyzerOptions.Default, new OutputOptions { Directory = output, Plots = AnalysisPlots.Instance });

        Assert.Equal(3, report.Summary.FramesWithoutFaces);
        Assert.Null(report.Summary.Dominant);
        Assert.Empty(report.Summary.Faces);
        var rows = File.ReadAllLines(Path.Combine(output, OutputOptions.FramesCsv));
        // Independent photos: each row names its file, and none claims a time.
        Assert.Equal(["0,blank0.png,,,,,,,,,,,,,,,,", "1,blank1.png,,,,,,,,,,,,,,,,", "2,blank2.png,,,,,,,,,,,,,,,,"], rows[1..]);
        using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputOptions.SummaryJson))))
            Assert.Equal(JsonValueKind.Null, summary.RootElement.GetProperty("dominant").ValueKind);
        Assert.False(File.Exists(Path.Combine(output, OutputOptions.TimelinePng)));
        using var plot = Cv2.ImRead(Path.Combine(output, OutputOptions.FacesPng));
        Assert.Equal(PhotoFacesPlot.Width, plot.Width);
    }

    [Fact]
    public async Task Stopping_the_enumeration_early_ends_the_pipeline_cleanly()
    {
        using var folder = new TempFolder();
        var video = folder.File("early.avi");
        SyntheticScene.WriteVideo(video, 30, 320, 240, 30, SyntheticScene.OneMovingFace("face2.png", 40, 40, 120, 1));
        using var analyzer = new EmotionAnalyzer(new FakeClassifier());

        var seen = 0;
        await foreach (var frame in analyzer.AnalyzeAsync(InputSource.FromPath(video)))
        {
            if (++seen == 3) break;
        }
        var again = 0;
        await foreach (var frame in analyzer.AnalyzeAsync(InputSource.FromPath(video))) again++;

        Assert.Equal(3, seen);
        Assert.Equal(30, again);
    }

    [Fact]
    public async Task Annotated_face_crops_are_enlarged_so_labels_are_readable()
    {
        using var folder = new TempFolder();
        var images = Path.Combine(folder.Path, "crops");
        Directory.CreateDirectory(images);
        File.Copy(SyntheticScene.AssetPath("face1.png"), Path.Combine(images, "face1.png"));
        var output = Path.Combine(folder.Path, "out");

        await AnalysisRunner.RunAsync(new FakeClassifier(), InputSource.FromPath(images), new AnalyzerOptions { FacesCropped = true }, new OutputOptions { Directory = output, Annotate = true, Plots = AnalysisPlots.Instance });

        using var png = Cv2.ImRead(Path.Combine(output, OutputOptions.AnnotatedImages, "face1.png"));
        Assert.Equal(48 * 7, png.Width); // 48 px enlarged by the smallest whole factor reaching 320 px
        Assert.Equal(png.Width, png.Height);
    }

    private sealed class CancelAfter(CancellationTokenSource cancel, int frames) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value)
        {
            if (value.FramesDone >= frames) cancel.Cancel();
        }
    }
}
