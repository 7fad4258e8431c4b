using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.TestSupport;
using EmotionNet.Torch.Models;
using OpenCvSharp;

namespace EmotionNet.Cli.Tests;

/// <summary><c>evaluate --data FOLDER</c>: the class mapping printed, every clip scored by default, the hashed share on request.</summary>
[Collection("console")]
public sealed class EvaluateFolderTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    /// <summary>anger 23, sadness 11, Surprised 4 and contempt 7 images; with <paramref name="disgust"/> a disgust folder of 5 as well.</summary>
    private string Folder(bool disgust = false)
    {
        var root = dir.File("faces");
        var folders = new List<(string, int)> { ("anger", 23), ("sadness", 11), ("Surprised", 4), ("contempt", 7) };
        if (disgust) folders.Add(("disgust", 5));
        foreach (var (name, count) in folders)
        {
            Directory.CreateDirectory(Path.Combine(root, name));
            for (var i = 0; i < count; i++)
            {
                using var face = new Mat(48, 48, MatType.CV_8UC1, Scalar.All(20 + 7 * i));
                Assert.True(Cv2.ImWrite(Path.Combine(root, name, $"{i}.png"), face));
            }
        }
        return root;
    }

    /// <summary>An untrained model is enough: these tests are about which clips are scored, not how well.</summary>
    private string Checkpoint(string classSet, int classes)
    {
        var path = dir.File($"{classSet}.ckpt");
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [4, 8], LstmHidden = 8, NumClasses = classes });
        Torch.Checkpoints.Checkpoint.Capture(model, new CheckpointMetadata { Model = model.Config, ClassSet = classSet, Normalization = InputNormalization.Default, SequenceLength = 1 })
            .Save(path);
        return path;
    }

    [Fact]
    public async Task By_default_every_clip_of_a_folder_is_scored_with_the_class_mapping_printed()
    {
        var output = dir.File("eval");
        var run = await CommandLineTests.CaptureAsync(["evaluate", "--data", Folder(), "--checkpoint", Checkpoint("fer7", 7), "--device", "cpu", "--out", output]);

        Assert.True(run.ExitCode == 0, run.Text);
        Assert.Contains("anger -> Angry (23 images)", run.Text);
        Assert.Contains("sadness -> Sad (11 images)", run.Text);
        Assert.Contains("Surprised -> Surprise (4 images)", run.Text);
        Assert.Contains("contempt: not a FER2013 class, 7 images skipped", run.Text);
        Assert.Contains("the default for a folder without split folders", run.Text);
        var metrics = MetricsReport.Read(Path.Combine(output, "metrics.json")).Splits;
        Assert.Equal(["All"], metrics.Keys);
        Assert.Equal(38, metrics["All"].Count);
        Assert.Equal([23, 0, 0, 0, 11, 4, 0], metrics["All"].PerClass.Select(c => c.Support).ToArray());
        Assert.Contains("All accuracy: ", run.Text);
        Assert.Contains("on all 38 clips (Training 32 + PublicTest 3 + PrivateTest 3)", run.Text);
    }

    [Fact]
    public async Task Split_privatetest_on_a_folder_still_scores_only_its_hashed_share()
    {
        var output = dir.File("eval");
        var run = await CommandLineTests.CaptureAsync(["evaluate", "--data", Folder(), "--checkpoint", Checkpoint("fer7", 7), "--device", "cpu", "--split", "PrivateTest", "--out", output]);

        Assert.True(run.ExitCode == 0, run.Text);
        // 10 % per class rounded half up: 2 of 23, 1 of 11, 0 of 4.
        Assert.Equal(3, MetricsReport.Read(Path.Combine(output, "metrics.json")).Splits["PrivateTest"].Count);
        Assert.Contains("PrivateTest accuracy: ", run.Text);
        Assert.Contains("on the 3 PrivateTest clips", run.Text);
    }

    [Fact]
    public async Task A_seed6_model_reports_the_disgust_folder_as_dropped()
    {
        var output = dir.File("eval");
        var run = await CommandLineTests.CaptureAsync(["evaluate", "--data", Folder(disgust: true), "--checkpoint", Checkpoint("seed6", 6), "--device", "cpu", "--out", output]);

        Assert.True(run.ExitCode == 0, run.Text);
        Assert.Contains("disgust: Disgust is not in class set seed6, 5 images skipped", run.Text);
        Assert.Equal(38, MetricsReport.Read(Path.Combine(output, "metrics.json")).Splits["All"].Count);
    }

    [Fact]
    public async Task A_bad_split_is_a_usage_error_naming_the_choices()
    {
        var run = await CommandLineTests.CaptureAsync(["evaluate", "--data", Folder(), "--split", "everything"]);

        Assert.Equal(CliApp.UsageError, run.ExitCode);
        Assert.Contains("--split must be one of training, publictest, privatetest, all (got 'everything')", run.Text);
    }
}
