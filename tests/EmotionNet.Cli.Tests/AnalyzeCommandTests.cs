using System.CommandLine;
using System.Text.Json;
using EmotionNet.Cli.Analysis;
using EmotionNet.Cli.Commands;
using EmotionNet.Cli.Flags;
using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Core.Runtime;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Recognition;
using EmotionNet.TestSupport;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Cli.Tests;

[Collection("console")]
public class AnalyzeCommandTests
{
    private static Task<int> InvokeAnalyze(ClassifierLoader loader, params string[] args)
    {
        var root = new RootCommand { AnalyzeCommand.Create(loader) };
        return root.Parse(["analyze", .. args]).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static IEmotionClassifier Fake(ModelChoice model) => new FakeClassifier();

    /// <summary>An 8-frame video of one moving face and an untrained seed6 checkpoint at T = 3.</summary>
    private static (string Video, string Checkpoint) VideoAndUntrainedCheckpoint(TempFolder folder)
    {
        var video = folder.File("clip.avi");
        SyntheticScene.WriteVideo(video, 8, 320, 240, 8, SyntheticScene.OneMovingFace("face3.png", 60, 40, 140, 3));
        var checkpoint = folder.File("tiny.ckpt");
        using (var model = new EmotionNetModel(new ModelConfig { ConvWidths = [4, 8], LstmHidden = 8, NumClasses = 6 }))
        {
            Checkpoint.Capture(model, new CheckpointMetadata { Model = model.Config, ClassSet = "seed6", Normalization = InputNormalization.Default, SequenceLength = 3 })
                .Save(checkpoint);
        }
        return (video, checkpoint);
    }

    /// <summary>Parses <c>analyze <paramref name="args"/></c> with the real flags and maps it to settings as the verb does.</summary>
    private static AnalyzeSettings ParseSettings(params string[] args)
    {
        var (parse, flags) = ParseCommandLine(args);
        Assert.Empty(parse.Errors);
        return AnalyzeSettings.Parse(parse, flags);
    }

    private static (ParseResult Parse, AnalyzeFlags Flags) ParseCommandLine(params string[] args)
    {
        var flags = new AnalyzeFlags();
        var analyze = new Command("analyze");
        flags.AddTo(analyze);
        return (new RootCommand { analyze }.Parse(["analyze", .. args]), flags);
    }

    [Fact]
    public async Task Analyze_on_a_video_writes_all_outputs_and_exits_zero()
    {
        using var folder = new TempFolder();
        var video = folder.File("clip.avi");
        SyntheticScene.WriteVideo(video, 12, 640, 480, 12, SyntheticScene.OneMovingFace("face1.png", 100, 120, 160, 5));
        var output = folder.File("out");

        var exit = await InvokeAnalyze(Fake, video, "--out", output, "--annotate", "--smoothing", "0.3");

        Assert.Equal(0, exit);
        Assert.Equal(1 + 12, File.ReadAllLines(Path.Combine(output, OutputOptions.FramesCsv)).Length);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputOptions.SummaryJson)));
        Assert.Equal(12, json.RootElement.GetProperty("frames_with_faces").GetInt32());
        Assert.True(File.Exists(Path.Combine(output, OutputOptions.TimelinePng)));
        Assert.True(File.Exists(Path.Combine(output, OutputOptions.AnnotatedVideo + ".mp4")) || File.Exists(Path.Combine(output, OutputOptions.AnnotatedVideo + ".avi")));
    }

    [Fact]
    public async Task Analyze_on_cropped_face_images_with_every_two_processes_half()
    {
        using var folder = new TempFolder();
        var images = folder.File("faces");
        Directory.CreateDirectory(images);
        for (var i = 0; i < 6; i++) File.Copy(SyntheticScene.AssetPath(SyntheticScene.FaceFiles[i % 3]), Path.Combine(images, $"f{i + 1}.png"));
        var output = folder.File("out");

        var exit = await InvokeAnalyze(Fake, images, "--out", output, "--faces-cropped", "--every", "2");

        Assert.Equal(0, exit);
        var rows = File.ReadAllLines(Path.Combine(output, OutputOptions.FramesCsv));
        Assert.Equal(1 + 3, rows.Length);
        // Independent photos: each image's face gets an id of its own (with --sequence all would be face 1).
        for (var i = 1; i <= 3; i++) Assert.Contains($",{i},0,0,48,48,", rows[i], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_with_an_untrained_checkpoint_runs_the_real_classifier_end_to_end()
    {
        using var folder = new TempFolder();
        var (video, checkpoint) = VideoAndUntrainedCheckpoint(folder);
        var output = folder.File("out");

        var exit = await CliApp.RunAsync(["analyze", video, "--checkpoint", checkpoint, "--device", "cpu", "--out", output]);

        Assert.Equal(0, exit);
        var rows = File.ReadAllLines(Path.Combine(output, OutputOptions.FramesCsv));
        Assert.Equal(1 + 8, rows.Length);
        Assert.EndsWith("p_happy,p_sad,p_angry,p_surprise,p_fear,p_neutral", rows[0], StringComparison.Ordinal);
        var probabilities = rows[1].Split(',')[^6..].Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(1.0, probabilities.Sum(), 2);
    }

    [Fact]
    public async Task A_corrupt_checkpoint_exits_with_the_failure_code()
    {
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("face.png"));
        await File.WriteAllTextAsync(folder.File("bad.ckpt"), "not a checkpoint");
        Assert.Equal(CliApp.Failure, await CliApp.RunAsync(["analyze", folder.File("face.png"), "--checkpoint", folder.File("bad.ckpt"), "--out", folder.File("out")]));
    }

    [Fact]
    public async Task An_absent_camera_is_an_error_naming_the_camera()
    {
        var e = await Assert.ThrowsAsync<EmotionNetException>(() => InvokeAnalyze(Fake, "--camera", "9", "--out", Path.GetTempPath()));
        Assert.Contains("Camera 9", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--smoothing", "1")]
    [InlineData("--smoothing", "-0.5")]
    [InlineData("--uncertain-below", "1.5")]
    [InlineData("--every", "0")]
    [InlineData("--detect-every", "0")]
    [InlineData("--max-frames", "0")]
    [InlineData("--model-threads", "-1")]
    public async Task Out_of_range_flags_exit_with_the_usage_code(string flag, string value)
    {
        using var folder = new TempFolder();
        Assert.Equal(CliApp.UsageError, await CliApp.RunAsync(["analyze", folder.Path, flag, value]));
    }

    [Theory]
    [InlineData("--every", "0", "--every must be at least 1 (got 0).")]
    [InlineData("--detect-every", "0", "--detect-every must be at least 1 (got 0).")]
    [InlineData("--smoothing", "1", "--smoothing must be in [0, 1) (got 1).")]
    [InlineData("--smoothing", "-0.5", "--smoothing must be in [0, 1) (got -0.5).")]
    [InlineData("--uncertain-below", "1.5", "--uncertain-below must be in [0, 1] (got 1.5).")]
    [InlineData("--max-frames", "0", "--max-frames must be at least 1 (got 0).")]
    [InlineData("--model-threads", "-1", "--model-threads must be 0 (the classifier's own) or more (got -1).")]
    [InlineData("--segment-gap", "-1", "--segment-gap must be 0 or more seconds (got -1).")]
    [InlineData("--max-pixels", "0", "--max-pixels must be at least 1 (got 0).")]
    [InlineData("--switch-margin", "1.5", "--switch-margin must be in [0, 1] (got 1.5).")]
    [InlineData("--switch-frames", "0", "--switch-frames must be at least 1 (got 0).")]
    [InlineData("--out", " ", "--out must name a folder.")]
    public void An_out_of_range_flag_is_a_usage_exception_naming_it(string flag, string value, string message)
    {
        using var folder = new TempFolder();
        Assert.Equal(message, Assert.Throws<UsageException>(() => ParseSettings(folder.Path, flag, value)).Message);
    }

    [Theory]
    [InlineData(new string[0], "analyze needs an <input> path or --camera N.")]
    [InlineData(new[] { "in.mp4", "--camera", "0" }, "Give either an <input> path or --camera N, not both.")]
    [InlineData(new[] { "--camera", "-1" }, "--camera must be 0 or more (got -1).")]
    public void The_input_or_camera_is_checked_first(string[] args, string message)
    {
        Assert.Equal(message, Assert.Throws<UsageException>(() => ParseSettings(args)).Message);
    }

    [Fact]
    public void A_camera_becomes_a_camera_source()
    {
        var source = ParseSettings("--camera", "2").Source;
        Assert.Equal((SourceKind.Camera, 2), (source.Kind, source.CameraIndex));
    }

    [Fact]
    public async Task No_input_and_no_camera_exits_with_the_usage_code()
    {
        Assert.Equal(CliApp.UsageError, await CliApp.RunAsync(["analyze"]));
    }

    [Fact]
    public async Task A_missing_input_exits_with_the_failure_code()
    {
        Assert.Equal(CliApp.Failure, await CliApp.RunAsync(["analyze", Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".mp4")]));
    }

    [SkippableFact]
    public async Task Without_a_checkpoint_or_shipped_model_the_error_says_how_to_get_one()
    {
        Skip.If(EmotionNet.Torch.Checkpoints.ShippedModel.IsAvailable,
            "this build embeds the shipped model (ShippedModelTests checks it), so no run lacks one; the error is for a tree without checkpoints/" + EmotionNet.Torch.Checkpoints.ShippedModel.FileName);
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("face.png"));
        var e = Assert.Throws<EmotionNetException>(() => Classifiers.Load(new ModelChoice(null, ModelBackend.Torch, DeviceKind.Cpu)));
        Assert.Contains("--checkpoint", e.Message, StringComparison.Ordinal);
        Assert.Contains("emotionnet train", e.Message, StringComparison.Ordinal);
        Assert.Equal(CliApp.Failure, await CliApp.RunAsync(["analyze", folder.File("face.png"), "--backend", "torch", "--out", folder.File("out")]));
    }

    [Fact]
    public void Flags_become_option_records()
    {
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("face.png"));
        var settings = ParseSettings(folder.File("face.png"), "--checkpoint", "m.ckpt", "--out", "o", "--every", "3", "--detect-every", "2",
            "--smoothing", "0.25", "--uncertain-below", "0.5", "--annotate", "--faces-cropped", "--device", "cpu", "--max-frames", "7", "--stretch-contrast", "on");
        Assert.Equal((SourceKind.Image, folder.File("face.png")), (settings.Source.Kind, settings.Source.Path));
        Assert.Equal(new ModelChoice("m.ckpt", null, DeviceKind.Cpu, StretchContrast: true), settings.Model);
        Assert.Equal(3, settings.Analyzer.Every);
        Assert.Equal(2, settings.Analyzer.DetectEvery);
        Assert.Equal(7, settings.Analyzer.MaxFrames);
        Assert.True(settings.Analyzer.FacesCropped);
        Assert.Equal(0.25, settings.Analyzer.Recognizer.Smoothing);
        Assert.Equal(0.5, settings.Analyzer.Recognizer.UncertainBelow);
        var hysteresis = ParseSettings(folder.File("face.png"), "--out", "o", "--temporal", "hysteresis", "--switch-margin", "0.3", "--switch-frames", "9").Analyzer.Recognizer;
        Assert.Equal((TemporalMode.Hysteresis, 0.3, 9), (hysteresis.Temporal, hysteresis.SwitchMargin, hysteresis.SwitchFrames));
        Assert.Equal(RecognizerOptions.Default, ParseSettings(folder.File("face.png"), "--out", "o").Analyzer.Recognizer);
        Assert.Null(ParseSettings(folder.File("face.png"), "--out", "o").Model.StretchContrast);
        Assert.Equal(new OutputOptions { Directory = "o", Annotate = true, Plots = EmotionNet.Plotting.AnalysisPlots.Instance }, settings.Output);
    }

    [Theory]
    [InlineData("auto", TemporalMode.Auto)]
    [InlineData("hysteresis", TemporalMode.Hysteresis)]
    [InlineData("average", TemporalMode.MovingAverage)]
    [InlineData("lstm", TemporalMode.Lstm)]
    public void Each_temporal_word_names_its_mode(string word, TemporalMode mode)
    {
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("face.png"));
        Assert.Equal(mode, ParseSettings(folder.File("face.png"), "--out", "o", "--temporal", word).Analyzer.Recognizer.Temporal);
    }

    [Fact]
    public void An_unknown_temporal_word_is_a_parse_error_listing_the_words()
    {
        var (parse, _) = ParseCommandLine("face.png", "--temporal", "smooth");
        Assert.Contains(parse.Errors, e => e.Message == "--temporal must be one of auto, hysteresis, average, lstm (got 'smooth').");
    }

    [Fact]
    public void The_switch_flags_are_named_in_option_errors()
    {
        Assert.Equal("--switch-margin", FlagVocabulary.FlagFor("RecognizerOptions.SwitchMargin"));
        Assert.Equal("--switch-frames", FlagVocabulary.FlagFor("RecognizerOptions.SwitchFrames"));
    }

    /// <summary>
    /// A face whose per-frame result is a near-tie that swaps every frame (Happy 0.45 and Sad 0.40, then the other way):
    /// the default (hysteresis, margin 0.2) holds the first label; with --switch-margin 0, or per-frame results
    /// (--temporal average --smoothing 0), the label flips on every frame.
    /// </summary>
    [Theory]
    [InlineData(new string[0], 0)]
    [InlineData(new[] { "--temporal", "hysteresis", "--switch-margin", "0" }, 11)]
    [InlineData(new[] { "--temporal", "average", "--smoothing", "0" }, 11)]
    public async Task The_temporal_flags_reach_the_labels_analyze_writes(string[] flags, int switches)
    {
        var labels = await LabelsOfTwelveFrames(i => i % 2 == 0 ? NearTie(Emotion.Happy, Emotion.Sad) : NearTie(Emotion.Sad, Emotion.Happy), flags);
        Assert.Equal(Emotion.Happy.ToString(), labels[0]);
        Assert.Equal(switches, labels.Zip(labels.Skip(1)).Count(p => p.First != p.Second));
    }

    /// <summary>
    /// Sad takes a narrow lead (0.05) from frame 4 on: the default's 15 frames are not reached in 12, so Happy stays;
    /// with --switch-frames 3 the label switches on the third frame of the lead.
    /// </summary>
    [Fact]
    public async Task Switch_frames_shows_a_narrow_but_steady_lead()
    {
        Func<int, float[]> next = i => i < 4 ? NearTie(Emotion.Happy, Emotion.Sad) : NearTie(Emotion.Sad, Emotion.Happy);
        Assert.All(await LabelsOfTwelveFrames(next), label => Assert.Equal(Emotion.Happy.ToString(), label));
        var labels = await LabelsOfTwelveFrames(next, "--switch-frames", "3");
        Assert.Equal([.. Enumerable.Repeat(Emotion.Happy.ToString(), 6), .. Enumerable.Repeat(Emotion.Sad.ToString(), 6)], labels);
    }

    private static float[] NearTie(Emotion first, Emotion second)
    {
        var p = new float[ClassSet.Fer7.Count];
        Array.Fill(p, 0.15f / (p.Length - 2));
        p[ClassSet.Fer7.IndexOf(first)] = 0.45f;
        p[ClassSet.Fer7.IndexOf(second)] = 0.40f;
        return p;
    }

    /// <summary>Analyzes a 12-frame video of one face whose i-th frame the classifier answers with <paramref name="next"/>(i); the labels of frames.csv.</summary>
    private static async Task<string[]> LabelsOfTwelveFrames(Func<int, float[]> next, params string[] flags)
    {
        using var folder = new TempFolder();
        var video = folder.File("clip.avi");
        SyntheticScene.WriteVideo(video, 12, 640, 480, 12, SyntheticScene.OneMovingFace("face1.png", 100, 120, 160, 5));
        var output = folder.File("out");
        Assert.Equal(0, await InvokeAnalyze(_ => new FakeClassifier { Next = next }, [video, "--out", output, .. flags]));
        var rows = File.ReadAllLines(Path.Combine(output, OutputOptions.FramesCsv));
        Assert.Equal(1 + 12, rows.Length);
        Assert.Equal("label", rows[0].Split(',')[8]);
        return rows.Skip(1).Select(r => r.Split(',')[8]).ToArray();
    }

    [Fact]
    public void Segment_gap_becomes_segment_options_and_defaults_to_the_library_default()
    {
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("face.png"));
        Assert.Equal(EmotionNet.Inference.Segments.SegmentOptions.Default, ParseSettings(folder.File("face.png"), "--out", "o").Output.Segments);
        Assert.Equal(1.5, ParseSettings(folder.File("face.png"), "--out", "o", "--segment-gap", "1.5").Output.Segments.GapSeconds);
        var e = Assert.Throws<UsageException>(() => ParseSettings(folder.File("face.png"), "--out", "o", "--segment-gap", "-1"));
        Assert.Contains("--segment-gap", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_prints_the_number_of_segments_and_lists_the_segment_files()
    {
        using var folder = new TempFolder();
        var (video, checkpoint) = VideoAndUntrainedCheckpoint(folder);
        var output = folder.File("out");

        var (exit, text) = await EmotionNet.TestSupport.Cli.CliCapture.RunAsync(["analyze", video, "--checkpoint", checkpoint, "--device", "cpu", "--out", output]);

        Assert.Equal(0, exit);
        var rows = File.ReadAllLines(Path.Combine(output, OutputOptions.SegmentsCsv)).Length - 1;
        Assert.True(rows >= 1, $"{rows} segment(s)");
        Assert.Contains($"segments: {rows} ({OutputOptions.SegmentsCsv}, {OutputOptions.SegmentsJson})", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_and_max_pixels_become_options_and_default_to_independent_photos()
    {
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("face.png"));
        var defaults = ParseSettings(folder.File("face.png"), "--out", "o");
        Assert.False(defaults.Analyzer.Sequence);
        Assert.Equal(AnalyzerOptions.DefaultMaxImagePixels, defaults.Analyzer.MaxImagePixels);
        var set = ParseSettings(folder.File("face.png"), "--out", "o", "--sequence", "--max-pixels", "1000");
        Assert.True(set.Analyzer.Sequence);
        Assert.Equal(1000, set.Analyzer.MaxImagePixels);
        Assert.Throws<UsageException>(() => ParseSettings(folder.File("face.png"), "--out", "o", "--max-pixels", "0"));
    }

    [Fact]
    public async Task A_folder_with_a_corrupt_jpeg_and_notes_finishes_the_good_photo_and_exits_three()
    {
        using var folder = new TempFolder();
        var photos = folder.File("photos");
        Directory.CreateDirectory(photos);
        File.Copy(SyntheticScene.AssetPath("face1.png"), Path.Combine(photos, "good.png"));
        var corrupt = Path.Combine(photos, "corrupt.jpg");
        await File.WriteAllBytesAsync(corrupt, [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 1, 2, 3, 4, 5, 6, 7, 8]);
        await File.WriteAllTextAsync(Path.Combine(photos, "notes.txt"), "notes");
        var output = folder.File("out");

        var exit = await InvokeAnalyze(Fake, photos, "--out", output, "--faces-cropped");

        Assert.Equal(CliApp.PartialFailure, exit);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputOptions.SummaryJson)));
        Assert.Equal(1, json.RootElement.GetProperty("frames_processed").GetInt32());
        var skipped = Assert.Single(json.RootElement.GetProperty("skipped").EnumerateArray());
        Assert.Equal(corrupt, skipped.GetProperty("file").GetString());
        Assert.Contains("could not be decoded", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_folder_prints_a_row_per_photo_face_and_names_the_flag_of_a_skipped_oversized_photo()
    {
        using var folder = new TempFolder();
        var photos = folder.File("photos");
        Directory.CreateDirectory(photos);
        File.Copy(SyntheticScene.AssetPath("face1.png"), Path.Combine(photos, "a.png"));
        File.Copy(SyntheticScene.AssetPath("face2.png"), Path.Combine(photos, "b.png"));
        using (var big = SyntheticScene.Compose(640, 480, []))
            OpenCvSharp.Cv2.ImWrite(Path.Combine(photos, "big.png"), big);

        var (exit, text) = await EmotionNet.TestSupport.Cli.CliCapture.RunAsync(
            ["analyze", photos, "--faces-cropped", "--max-pixels", "10000", "--device", "cpu", "--out", folder.File("out")]);

        Assert.Equal(CliApp.PartialFailure, exit);
        Assert.Contains("2 photos,", text, StringComparison.Ordinal); // big.png is skipped, not analyzed
        Assert.Contains("photo", text, StringComparison.Ordinal);
        Assert.Contains("a.png", text, StringComparison.Ordinal);
        Assert.Contains("b.png", text, StringComparison.Ordinal);
        // The skipped file carries AnalyzerOptions.MaxImagePixels as data; a command-line user is told the flag.
        Assert.Contains("(--max-pixels)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AnalyzerOptions", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.File("out"), OutputOptions.FacesPng)));
    }

    [Fact]
    public async Task A_folder_where_no_image_can_be_read_exits_one_and_still_lists_them()
    {
        using var folder = new TempFolder();
        var photos = folder.File("photos");
        Directory.CreateDirectory(photos);
        await File.WriteAllBytesAsync(Path.Combine(photos, "a.jpg"), [1, 2, 3]);
        await File.WriteAllBytesAsync(Path.Combine(photos, "b.png"), []);
        var output = folder.File("out");

        Assert.Equal(CliApp.Failure, await InvokeAnalyze(Fake, photos, "--out", output));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputOptions.SummaryJson)));
        Assert.Equal(2, json.RootElement.GetProperty("skipped").GetArrayLength());
    }

    [Fact]
    public void The_detector_flag_picks_the_detector_and_defaults_to_yunet()
    {
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("face.png"));
        AnalyzeSettings Parse(string detector) => ParseSettings(folder.File("face.png"), "--out", "o", "--detector", detector);

        Assert.Equal(FaceDetectorKind.YuNet, ParseSettings(folder.File("face.png"), "--out", "o").Analyzer.Detector.Kind);
        Assert.Equal(FaceDetectorKind.YuNet, Parse("yunet").Analyzer.Detector.Kind);
        Assert.Equal(FaceDetectorKind.Haar, Parse("haar").Analyzer.Detector.Kind);
        // The other detector settings keep their defaults.
        Assert.Equal(AnalyzerOptions.Default.Detector with { Kind = FaceDetectorKind.Haar }, Parse("haar").Analyzer.Detector);
        // Any other detector is refused while parsing, before the settings are built.
        var (parse, _) = ParseCommandLine(folder.File("face.png"), "--out", "o", "--detector", "mtcnn");
        Assert.Contains(parse.Errors, error => error.Message.Contains("mtcnn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_detector_on_the_command_line_is_a_usage_error()
    {
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("face.png"));
        Assert.NotEqual(0, await CliApp.RunAsync(["analyze", folder.File("face.png"), "--out", folder.File("out"), "--detector", "mtcnn"]));
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void The_detector_model_flag_sets_the_yunet_model_path_and_needs_yunet()
    {
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("face.png"));
        EmotionNet.Cli.Analysis.AnalyzeSettings Parse(string detector, string? model) =>
            model is null ? ParseSettings(folder.File("face.png"), "--detector", detector) : ParseSettings(folder.File("face.png"), "--detector", detector, "--detector-model", model);

        Assert.Null(Parse("yunet", null).Analyzer.Detector.ModelPath);
        Assert.Equal(AnalyzerOptions.Default.Detector with { ModelPath = "my-yunet.onnx" }, Parse("yunet", "my-yunet.onnx").Analyzer.Detector);
        Assert.Contains("--detector yunet", Assert.Throws<UsageException>(() => Parse("haar", "my-yunet.onnx")).Message, StringComparison.Ordinal);
        Assert.Equal("--detector-model", FlagVocabulary.FlagFor("DetectorOptions.ModelPath"));
    }
}
