using OpenCvSharp;
using EmotionNet.TestSupport;
using EmotionNet.Cli.Commands;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Core.Runtime;
using EmotionNet.Onnx;
using EmotionNet.OnnxRuntime;
using EmotionNet.Torch;
using EmotionNet.Torch.Models;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Cli.Tests;

/// <summary>
/// <c>evaluate --data FOLDER</c> on photos: the largest face of each found and scored, photos without
/// one listed and counted as wrong end to end; <c>--faces</c> and <c>--stretch-contrast</c>.
/// </summary>
[Collection("console")]
public sealed class EvaluatePhotosTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    /// <summary>happy: face1 and face2 pasted into 640x400 photos, and a photo without a face; sad: face3 in a photo.</summary>
    private string Photos()
    {
        var root = dir.File("photos");
        if (Directory.Exists(root)) return root;
        Photo(Path.Combine(root, "happy", "p1.jpg"), "face1.png");
        Photo(Path.Combine(root, "happy", "p2.jpg"), "face2.png");
        Photo(Path.Combine(root, "happy", "blank.jpg"), null);
        Photo(Path.Combine(root, "sad", "p3.jpg"), "face3.png");
        return root;
    }

    private static void Photo(string path, string? face)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mat = face is null ? null : SyntheticScene.LoadFace(face);
        using var scene = SyntheticScene.Compose(640, 400, mat is null ? [] : [(mat, new FaceBox(220, 100, 180, 180))]);
        Assert.True(Cv2.ImWrite(path, scene));
    }

    /// <summary>The three committed 48x48 FER2013 faces under happy/.</summary>
    private string Crops()
    {
        var root = dir.File("crops");
        if (Directory.Exists(root)) return root;
        Directory.CreateDirectory(Path.Combine(root, "happy"));
        foreach (var face in SyntheticScene.FaceFiles) File.Copy(SyntheticScene.AssetPath(face), Path.Combine(root, "happy", face));
        return root;
    }

    /// <summary>An untrained model: these tests are about which faces are scored and what is reported, not how well.</summary>
    private string Checkpoint()
    {
        var path = dir.File("fer7.ckpt");
        if (File.Exists(path)) return path;
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [4, 8], LstmHidden = 8, NumClasses = 7 });
        EmotionNet.Torch.Checkpoints.Checkpoint.Capture(model, new CheckpointMetadata { Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1 })
            .Save(path);
        return path;
    }

    private async Task<(int ExitCode, string Text, MetricsDocument? Metrics)> Evaluate(string data, string output, params string[] more)
    {
        var run = await CommandLineTests.CaptureAsync(["evaluate", "--data", data, "--checkpoint", Checkpoint(), "--device", "cpu", "--out", output, .. more]);
        var metrics = Path.Combine(output, "metrics.json");
        return (run.ExitCode, run.Text, File.Exists(metrics) ? MetricsReport.Read(metrics) : null);
    }

    [Fact]
    public async Task Photos_are_scored_on_the_faces_found_and_end_to_end_with_every_photo_without_a_face_listed()
    {
        var output = dir.File("eval");
        var (exit, text, metrics) = await Evaluate(Photos(), output);

        Assert.True(exit == 0, text);
        var noFace = Path.Combine(output, EvaluateCommand.NoFaceFile);
        Assert.Contains("Faces: 4 image(s) searched (48x48 images taken whole as face crops, others: YuNet, largest face, aligned on landmarks).", text);
        Assert.Contains($"No face found in 1 photo(s) of the split scored; all are listed in {noFace}.", text);
        Assert.Contains("Accuracy below is over the 3 face(s) found", text);
        Assert.Contains("over the 2 classes present", text);
        Assert.Contains("(only the photos whose face was found), checkpoint", text);
        Assert.Contains("All end-to-end accuracy: ", text);
        Assert.Contains("of all 4 photos, the 1 without a face found counted as wrong; mean class recall", text);
        Assert.Equal(["file,class,split,reason", $"{Path.Combine(Photos(), "happy", "blank.jpg")},Happy,Training,no face found"], File.ReadAllLines(noFace));

        var all = metrics!.Splits["All"];
        Assert.Equal(3, all.Count);
        Assert.Equal(7, all.AbsentClasses.Count + 2);
        var faces = metrics.Faces!;
        Assert.Equal((0, 4, "no-face.csv"), (faces.ImagesTakenWhole, faces.ImagesSearched, faces.NotFoundList));
        var endToEnd = faces.EndToEnd["All"];
        Assert.Equal((4, 1), (endToEnd.Photos, endToEnd.FacesNotFound));
        Assert.Equal((3, 1), (endToEnd.PerClass[3].Photos, endToEnd.PerClass[3].FacesNotFound));
        Assert.Equal(all.Confusion.Select((row, c) => row[c]).Sum() / 4.0, endToEnd.Accuracy, 9);
        Assert.Equal(InputNormalization.Default, metrics.Normalization);
        Assert.False(metrics.NormalizationOverridden);
        Assert.True(new FileInfo(Path.Combine(output, "confusion-matrix.png")).Length > 0);
    }

    [Fact]
    public async Task Crops_are_taken_whole_by_auto_and_cropped_and_searched_by_detect()
    {
        var crops = Crops();
        var (autoExit, autoText, auto) = await Evaluate(crops, dir.File("auto"));
        var (croppedExit, _, cropped) = await Evaluate(crops, dir.File("cropped"), "--faces", "cropped");
        var (detectExit, detectText, detect) = await Evaluate(crops, dir.File("detect"), "--faces", "detect");

        Assert.True(autoExit == 0, autoText);
        Assert.Equal(0, croppedExit);
        Assert.Equal((3, 0), (auto!.Faces!.ImagesTakenWhole, auto.Faces.ImagesSearched));
        Assert.Equal((3, 0), (cropped!.Faces!.ImagesTakenWhole, cropped.Faces.ImagesSearched));
        Assert.Equal(auto.Splits["All"].Confusion, cropped.Splits["All"].Confusion);
        Assert.False(File.Exists(Path.Combine(dir.File("auto"), EvaluateCommand.NoFaceFile)));
        Assert.DoesNotContain("end-to-end", autoText, StringComparison.Ordinal);

        // YuNet finds the face of each bare 48x48 crop (tight FER2013 framing): all three are searched, found and re-cropped.
        Assert.True(detectExit == 0, detectText);
        Assert.Equal((0, 3), (detect!.Faces!.ImagesTakenWhole, detect.Faces.ImagesSearched));
        Assert.Equal(3, detect.Splits["All"].Count);
        Assert.Equal(["file,class,split,reason"], File.ReadAllLines(Path.Combine(dir.File("detect"), EvaluateCommand.NoFaceFile)));
        Assert.Contains("A face was found in every photo of the split scored", detectText);
        Assert.Contains("All end-to-end accuracy: ", detectText);
    }

    [Fact]
    public async Task Stretch_contrast_overrides_the_checkpoint_for_evaluate_and_analyze_but_not_an_onnx_graph()
    {
        var output = dir.File("stretch");
        var (exit, text, metrics) = await Evaluate(Crops(), output, "--stretch-contrast", "on");

        Assert.True(exit == 0, text);
        Assert.Contains("Input normalization: each face stretched to 0-255, then (x / 255 - 0.5) / 0.25 (as --stretch-contrast asks).", text);
        Assert.Equal(new InputNormalization { StretchContrast = true }, metrics!.Normalization);
        Assert.True(metrics.NormalizationOverridden);

        // analyze loads its model through the same override.
        using (var stretched = (EmotionClassifier)Classifiers.Load(new ModelChoice(Checkpoint(), ModelBackend.Torch, DeviceKind.Cpu, StretchContrast: true)))
            Assert.True(stretched.Normalization.StretchContrast);
        using (var own = (EmotionClassifier)Classifiers.Load(new ModelChoice(Checkpoint(), ModelBackend.Torch, DeviceKind.Cpu)))
            Assert.False(own.Normalization.StretchContrast);
        // On ONNX Runtime a checkpoint is exported with the override, so the graph stretches.
        using (var exportedInMemory = (OnnxEmotionClassifier)Classifiers.Load(new ModelChoice(Checkpoint(), ModelBackend.Onnx, DeviceKind.Cpu, StretchContrast: true)))
            Assert.True(exportedInMemory.Normalization.StretchContrast);

        var onnx = dir.File("model.onnx");
        OnnxExporter.Export(EmotionNet.Torch.Checkpoints.Checkpoint.Load(Checkpoint()), "fer7.ckpt", onnx);
        var refused = await CommandLineTests.CaptureAsync(["evaluate", "--data", Crops(), "--checkpoint", onnx, "--out", dir.File("onnx"), "--stretch-contrast", "on"]);
        Assert.Equal(CliApp.UsageError, refused.ExitCode);
        Assert.Contains("is an ONNX model, whose input normalization is part of its graph", refused.Text);
        Assert.Throws<UsageException>(() => Classifiers.Load(new ModelChoice(onnx, null, DeviceKind.Cpu, StretchContrast: true)));

        // export writes a graph that stretches; that model then takes --stretch-contrast on as its own.
        var stretchedOnnx = dir.File("stretched.onnx");
        var export = await CommandLineTests.CaptureAsync(["export", "--checkpoint", Checkpoint(), "--out", stretchedOnnx, "--stretch-contrast", "on"]);
        Assert.True(export.ExitCode == 0, export.Text);
        using (var exported = (OnnxEmotionClassifier)Classifiers.Load(new ModelChoice(stretchedOnnx, null, DeviceKind.Cpu)))
            Assert.True(exported.Normalization.StretchContrast);
        var accepted = await CommandLineTests.CaptureAsync(["evaluate", "--data", Crops(), "--checkpoint", stretchedOnnx, "--out", dir.File("onnx-on"), "--stretch-contrast", "on"]);
        Assert.True(accepted.ExitCode == 0, accepted.Text);
        Assert.True(MetricsReport.Read(Path.Combine(dir.File("onnx-on"), "metrics.json")).Normalization!.StretchContrast);
    }

    [Fact]
    public async Task A_folder_without_any_face_fails_with_a_message_and_still_lists_its_photos()
    {
        var root = dir.File("faceless");
        Photo(Path.Combine(root, "sad", "blank.jpg"), null);
        var output = dir.File("faceless-eval");

        var (exit, text, metrics) = await Evaluate(root, output);

        Assert.Equal(CliApp.Failure, exit);
        Assert.Contains($"No face was found in any of the 1 All photos of {root} (listed in {Path.Combine(output, EvaluateCommand.NoFaceFile)}).", text);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.Null(metrics);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(output, EvaluateCommand.NoFaceFile)).Length);
    }

    [Fact]
    public async Task Faces_detect_on_a_fer2013_csv_is_a_usage_error()
    {
        var run = await CommandLineTests.CaptureAsync(["evaluate", "--faces", "detect", "--out", dir.File("x")]);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("--faces detect needs a folder of photos", run.Text);
    }
}
