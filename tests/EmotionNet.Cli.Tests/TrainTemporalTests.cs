using EmotionNet.TestSupport;
using EmotionNet.Torch.Checkpoints;

namespace EmotionNet.Cli.Tests;

/// <summary><c>emotionnet train-temporal</c>: the shipped model's LSTM taught to stream, on the embedded sample.</summary>
[Collection("console")]
public sealed class TrainTemporalTests : IDisposable
{
    private readonly TempFolder dir = new();

    public void Dispose() => dir.Dispose();

    [Fact, Trait("Category", "Slow")]
    public async Task A_short_run_on_the_sample_writes_a_streaming_checkpoint_and_resumes()
    {
        var output = dir.File("run");
        string[] args = ["train-temporal", "--epochs", "1", "--clip-length", "12", "--poses", "2", "--validation-clips", "20", "--out", output];
        var (code, text) = await EmotionNet.TestSupport.Cli.CliCapture.RunAsync(args);
        Assert.True(code == 0, text);
        Assert.Contains("Best epoch 1", text, StringComparison.Ordinal);
        var best = Checkpoint.Load(Path.Combine(output, "best.ckpt"));
        Assert.Equal(12, best.Metadata.Temporal!.ClipLength);

        // --resume with more epochs continues from last.ckpt and reads the feature banks back.
        var (again, more) = await EmotionNet.TestSupport.Cli.CliCapture.RunAsync([.. args[..2], "2", .. args[3..], "--resume"]);
        Assert.True(again == 0, more);
        Assert.Equal(2, Checkpoint.Load(Path.Combine(output, "last.ckpt")).Metadata.Temporal!.Epochs);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "epochs.csv")).Length);
    }

    [Theory]
    [InlineData("--clip-length", "1", "--clip-length")]
    [InlineData("--poses", "0", "--poses")]
    [InlineData("--change-probability", "2", "--change-probability")]
    public async Task Out_of_range_flags_are_usage_errors_naming_the_flag(string flag, string value, string named)
    {
        var (code, text) = await EmotionNet.TestSupport.Cli.CliCapture.RunAsync(["train-temporal", flag, value, "--out", dir.File("bad")]);
        Assert.Equal(2, code);
        Assert.Contains(named, text, StringComparison.Ordinal);
    }
}
