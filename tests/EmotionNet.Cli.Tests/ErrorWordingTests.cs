using System.Text.Json.Nodes;
using EmotionNet.Cli.Flags;
using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Core.Options;
using EmotionNet.TestSupport;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Torch.Runtime;

namespace EmotionNet.Cli.Tests;

/// <summary>Library errors carry the option they concern as data; the CLI words them with its flags and never edits a library sentence.</summary>
[Collection("console")]
public sealed class ErrorWordingTests
{
    [Fact]
    public void A_value_out_of_range_is_worded_with_its_flag_and_rule()
    {
        var e = Assert.Throws<OptionsException>(() => new EmotionNet.Training.Options.TrainingOptions { BatchSize = 0 }.Validate());
        Assert.Equal("--batch-size must be between 1 and 65536 (got 0).", FlagVocabulary.Describe(e));
    }

    [Fact]
    public void An_error_about_an_option_leads_with_its_flag_and_keeps_the_librarys_sentence()
    {
        var e = new EmotionNetException("Teacher 't.ckpt' was trained on class set seed6, but the run uses fer7.") { Option = "TrainingOptions.Teachers" };
        Assert.Equal("--teachers: Teacher 't.ckpt' was trained on class set seed6, but the run uses fer7.", FlagVocabulary.Describe(e));
        Assert.Null(FlagVocabulary.Describe(new EmotionNetException("about no option")));
        Assert.Null(FlagVocabulary.Describe(new EmotionNetException("an option no flag sets") { Option = "TrackerOptions.MinSimilarity" }));
    }

    [Fact]
    public async Task Options_out_of_range_in_a_checkpoint_are_the_files_fault_not_a_bad_flag()
    {
        using var folder = new TempFolder();
        NativeRuntime.EnsureTorch();
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8, 16], LstmHidden = 8 });
        var metadata = new CheckpointMetadata
        {
            Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1,
            Training = new JsonObject { ["options"] = new JsonObject { ["batchSize"] = 0 }, ["state"] = new JsonObject() },
        };
        Checkpoint.Capture(model, metadata).Save(folder.File("last.ckpt"));

        var (exitCode, text) = await CommandLineTests.CaptureAsync(["train", "--out", folder.Path, "--resume", "--conv-widths", "8,16", "--lstm-hidden", "8"]);

        Assert.Equal(CliApp.Failure, exitCode);
        Assert.Contains("last.ckpt", text, StringComparison.Ordinal);
        Assert.Contains("TrainingOptions.BatchSize", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--batch-size", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_a_folder_without_a_run_says_what_to_do_with_the_flags()
    {
        using var folder = new TempFolder();
        var (exitCode, text) = await CommandLineTests.CaptureAsync(["train", "--out", folder.Path, "--resume"]);
        Assert.Equal(CliApp.Failure, exitCode);
        Assert.Contains("Start without --resume, or point --out at the folder of the interrupted run.", text, StringComparison.Ordinal);
    }
}
