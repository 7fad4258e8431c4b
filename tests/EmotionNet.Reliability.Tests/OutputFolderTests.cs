using EmotionNet.Cli;
using EmotionNet.Reliability.Tests.Corpus;
using EmotionNet.Reliability.Tests.Support;

namespace EmotionNet.Reliability.Tests;

/// <summary>An --out that cannot be a folder (a file is in the way) is a one-line error naming it, for every verb.</summary>
[Collection("console")]
public sealed class OutputFolderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-out-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    public static TheoryData<string> Verbs() => ["train", "evaluate", "analyze"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task An_output_folder_blocked_by_a_file_is_an_error_naming_it(string verb)
    {
        var blocker = Path.Combine(dir, "a-file");
        await File.WriteAllTextAsync(blocker, "in the way");
        var output = Path.Combine(blocker, "run");
        string[] args = verb switch
        {
            "train" => ["train", "--out", output, "--epochs", "1", "--conv-widths", "4", "--lstm-hidden", "4", "--threads", "1"],
            "evaluate" => ["evaluate", "--checkpoint", CorpusFiles.TinyCheckpoint, "--split", "PublicTest", "--out", output],
            _ => ["analyze", CorpusFiles.Committed("images/grey-8bit.png"), "--checkpoint", CorpusFiles.TinyCheckpoint, "--out", output],
        };
        var (code, text) = await CorpusRunner.RunCliAsync(args);
        StackTraces.AssertNone(text);
        Assert.True(code == CliApp.Failure, text);
        Assert.Contains(output, text, StringComparison.Ordinal);
    }
}
