namespace EmotionNet.Cli.Tests;

// CliApp writes to the process console; tests in this class run one at a time.
[Collection("console")]
public class CommandLineTests
{
    [Theory]
    [InlineData("bogus")]
    [InlineData("train", "--no-such-flag")]
    [InlineData("train", "--epochs", "0")]
    [InlineData("train", "--epochs", "many")]
    [InlineData("train", "--lr", "-1")]
    [InlineData("train", "--dropout", "1")]
    [InlineData("train", "--device", "gpu")]
    [InlineData("train", "--precision", "fp16")]
    [InlineData("train", "--classes", "fer8")]
    [InlineData("train", "--conv-widths", "32,x,64")]
    [InlineData("evaluate", "--split", "Validation")]
    public async Task Bad_command_lines_exit_with_code_2(params string[] args) =>
        Assert.Equal(CliApp.UsageError, await CliApp.RunAsync(args));

    [Fact]
    public async Task Help_lists_the_verbs_and_exits_0()
    {
        var output = await CaptureAsync(["--help"]);
        Assert.Equal(0, output.ExitCode);
        Assert.Contains("train", output.Text);
        Assert.Contains("evaluate", output.Text);
        Assert.Contains("analyze", output.Text);
    }

    [Fact]
    public async Task Train_help_documents_every_flag_with_its_default()
    {
        var output = await CaptureAsync(["train", "--help"]);
        foreach (var flag in new[] { "--data", "--out", "--epochs", "--batch-size", "--lr", "--weight-decay", "--seq-len", "--conv-widths", "--lstm-hidden",
                     "--lstm-layers", "--dropout", "--label-smoothing", "--classes", "--device", "--threads", "--seed", "--max-train-rows", "--resume",
                     "--precision", "--skip-invalid" })
            Assert.Contains(flag, output.Text);
        Assert.Contains("[default: 30]", output.Text);
    }

    [SkippableFact]
    public async Task Cuda_on_this_cpu_build_fails_with_a_message_not_a_crash()
    {
        Skip.If(TorchSharp.torch.cuda.is_available(), "CUDA is available here: a build and machine without it is what this checks");
        var output = await CaptureAsync(["train", "--device", "cuda", "--epochs", "1"]);
        Assert.Equal(CliApp.Failure, output.ExitCode);
        Assert.Contains("CUDA is not available", output.Text);
        Assert.Contains("--device cpu", output.Text);
        Assert.DoesNotContain("   at ", output.Text);
    }

    [Fact]
    public async Task A_libtorch_folder_that_does_not_exist_fails_with_a_message()
    {
        var output = await CaptureAsync(["evaluate", "--libtorch", "/no/such/torch/lib"]);
        Assert.Equal(CliApp.Failure, output.ExitCode);
        Assert.Contains("/no/such/torch/lib", output.Text);
        Assert.DoesNotContain("   at ", output.Text);
    }

    internal static Task<(int ExitCode, string Text)> CaptureAsync(string[] args) => EmotionNet.TestSupport.Cli.CliCapture.RunAsync(args);
}
