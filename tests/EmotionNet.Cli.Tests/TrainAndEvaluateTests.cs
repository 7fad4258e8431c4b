using EmotionNet.Core;
using EmotionNet.Core.Evaluation;
using EmotionNet.TestSupport;
using EmotionNet.Torch.Checkpoints;
using OpenCvSharp;

namespace EmotionNet.Cli.Tests;

[Collection("console")]
public sealed class TrainAndEvaluateTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-cli-train-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact, Trait("Category", "Slow")]
    public async Task Train_on_the_embedded_sample_writes_the_whole_run_and_evaluate_reads_it_back()
    {
        var run = Path.Combine(dir, "run");
        var train = await CommandLineTests.CaptureAsync(["train", "--out", run, "--epochs", "2", "--conv-widths", "8,16,32", "--lstm-hidden", "16", "--threads", "2"]);
        Assert.True(train.ExitCode == 0, train.Text);
        foreach (var file in new[] { "best.ckpt", "last.ckpt", "metrics.json", "confusion-matrix.png", "training-curves.png", "epochs.csv" })
            Assert.True(File.Exists(Path.Combine(run, file)), file);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(run, "epochs.csv")).Length);
        using (var png = Cv2.ImRead(Path.Combine(run, "confusion-matrix.png"))) Assert.False(png.Empty());

        var eval = Path.Combine(dir, "eval");
        var evaluate = await CommandLineTests.CaptureAsync(["evaluate", "--checkpoint", Path.Combine(run, "best.ckpt"), "--split", "PublicTest", "--out", eval]);
        Assert.True(evaluate.ExitCode == 0, evaluate.Text);
        var metrics = MetricsReport.Read(Path.Combine(eval, "metrics.json"));
        Assert.Equal(35, metrics.Splits["PublicTest"].Count);
        Assert.Equal(MetricsReport.Read(Path.Combine(run, "metrics.json")).Splits["PublicTest"].Accuracy, metrics.Splits["PublicTest"].Accuracy, 9);
        Assert.Contains("PublicTest accuracy", evaluate.Text);
    }

    [Fact, Trait("Category", "Slow")]
    public async Task Resume_keeps_the_runs_own_recipe_and_epochs_unless_more_are_asked_for()
    {
        var run = Path.Combine(dir, "run");
        string[] tiny = ["--conv-widths", "8,16,32", "--lstm-hidden", "16"];
        var first = await CommandLineTests.CaptureAsync(["train", "--out", run, "--epochs", "1", "--seq-len", "2", .. tiny]);
        Assert.True(first.ExitCode == 0, first.Text);

        // The default --epochs (30) and --seq-len (1) must not leak into the resumed run; --threads may change.
        var again = await CommandLineTests.CaptureAsync(["train", "--out", run, "--resume", "--threads", "1", .. tiny]);
        Assert.True(again.ExitCode == 0, again.Text);
        Assert.Contains("T = 2", again.Text);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run, "epochs.csv")).Length);   // header + 1 epoch

        var longer = await CommandLineTests.CaptureAsync(["train", "--out", run, "--resume", "--epochs", "2", .. tiny]);
        Assert.True(longer.ExitCode == 0, longer.Text);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(run, "epochs.csv")).Length);
        Assert.Equal(2, Checkpoint.Load(Path.Combine(run, "last.ckpt")).Metadata.Epoch);
    }

    [Fact]
    public async Task Evaluate_reports_a_corrupt_checkpoint_without_a_stack_trace()
    {
        var path = Path.Combine(dir, "bad.ckpt");
        await File.WriteAllTextAsync(path, "not a checkpoint");
        var output = await CommandLineTests.CaptureAsync(["evaluate", "--checkpoint", path]);
        Assert.Equal(CliApp.Failure, output.ExitCode);
        Assert.Contains("not an EmotionNet checkpoint", output.Text);
        Assert.DoesNotContain("   at ", output.Text);
    }

    [Fact]
    public async Task Train_reports_a_bad_csv_row_with_file_and_line()
    {
        var csv = Path.Combine(dir, "bad.csv");
        await File.WriteAllTextAsync(csv, "emotion,pixels,Usage\n3,1 2 3,Training\n");
        var output = await CommandLineTests.CaptureAsync(["train", "--data", csv, "--out", Path.Combine(dir, "r")]);
        Assert.Equal(CliApp.Failure, output.ExitCode);
        Assert.Contains("bad.csv", output.Text);
        Assert.Contains("line 2", output.Text);
        Assert.False(Directory.Exists(Path.Combine(dir, "r")) && File.Exists(Path.Combine(dir, "r", "best.ckpt")));
    }

    [Fact]
    public void No_checkpoint_means_no_shipped_model_is_pretended()
    {
        // Either a real model ships (and loads), or RequirePath says how to get one.
        if (ShippedModel.IsAvailable) Assert.NotNull(ShippedModel.Load());
        else Assert.Contains("No model", Assert.Throws<EmotionNetException>(() => ShippedModel.Open()).Message);
    }

    [Fact, Trait("Category", "Slow")]
    public async Task A_csv_without_publictest_rows_trains_and_selects_the_last_epoch_saying_so()
    {
        var sample = Repository.Path("data/sample/fer2013-sample.csv");
        var csv = Path.Combine(dir, "no-publictest.csv");
        await File.WriteAllLinesAsync(csv, File.ReadLines(sample).Where(l => !l.EndsWith(",PublicTest", StringComparison.Ordinal)));
        var run = Path.Combine(dir, "no-val");

        var output = await CommandLineTests.CaptureAsync(["train", "--data", csv, "--out", run, "--epochs", "2", "--batch-size", "32", "--conv-widths", "8,16", "--lstm-hidden", "8"]);

        Assert.True(output.ExitCode == 0, output.Text);
        Assert.Contains("has no PublicTest clips", output.Text);
        Assert.Contains("no validation split", output.Text);
        Assert.Equal(2, Checkpoint.Load(Path.Combine(run, "best.ckpt")).Metadata.Epoch);
        var metrics = MetricsReport.Read(Path.Combine(run, "metrics.json"));
        Assert.DoesNotContain("PublicTest", metrics.Splits.Keys);
        Assert.Contains("PrivateTest", metrics.Splits.Keys);
        Assert.DoesNotContain("val_accuracy", Checkpoint.Load(Path.Combine(run, "best.ckpt")).Metadata.Metrics.Keys);
    }

    [Fact]
    public async Task A_folder_with_only_a_training_split_trains_and_selects_the_last_epoch()
    {
        var root = Path.Combine(dir, "folder-data");
        foreach (var (label, angle) in new[] { ("happy", 0), ("sad", 90) })
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "train", label)).FullName;
            for (var i = 0; i < 6; i++)
            {
                using var face = new Mat(48, 48, MatType.CV_8UC1, Scalar.All(40 + i));
                Cv2.Line(face, new Point(24, 24), new Point(24 + 20 * Math.Cos(angle * Math.PI / 180), 24 + 20 * Math.Sin(angle * Math.PI / 180)), Scalar.All(220), 3);
                Cv2.ImWrite(Path.Combine(folder, $"{i}.png"), face);
            }
        }
        var run = Path.Combine(dir, "folder-run");

        var output = await CommandLineTests.CaptureAsync(["train", "--data", root, "--out", run, "--epochs", "1", "--batch-size", "4", "--conv-widths", "8", "--lstm-hidden", "8"]);

        Assert.True(output.ExitCode == 0, output.Text);
        Assert.Contains("has no PublicTest clips", output.Text);
        Assert.True(File.Exists(Path.Combine(run, "best.ckpt")));
        Assert.DoesNotContain("   at ", output.Text);
    }
}
