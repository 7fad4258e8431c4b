using EmotionNet.Cli;
using EmotionNet.Reliability.Tests.Support;

namespace EmotionNet.Reliability.Tests.Corpus;

/// <summary>
/// Every corpus case through the <c>emotionnet</c> command line (in this process, console captured):
/// exit code 1 with a one-line message naming the file and the line or field, or 0 for the
/// documented graceful cases; never a stack trace, never a hang.
/// </summary>
[Collection("console")]
public sealed class CorpusCliTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("emotionnet-corpus-cli-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Theory]
    [MemberData(nameof(CorpusCases.Names), MemberType = typeof(CorpusCases))]
    public async Task Case_exits_with_a_message_and_no_stack_trace(string name)
    {
        var c = CorpusCases.Get(name);
        var input = c.Input();
        var (code, text) = await CorpusRunner.RunCliAsync(CorpusRunner.CliArgs(c, input, work));

        StackTraces.AssertNone(text);
        if (c.Expect.Type is null)
        {
            Assert.True(code == 0, $"{name}: expected exit 0 ({c.Expect.Graceful}), got {code}:\n{text}");
            return;
        }
        Assert.True(code == CliApp.Failure, $"{name}: expected exit 1, got {code}:\n{text}");
        var error = text.Split('\n').Single(l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(CorpusRunner.NamedFile(c, input), error, StringComparison.Ordinal);
        foreach (var fragment in c.Expect.Fragments) Assert.Contains(fragment, error, StringComparison.Ordinal);
    }
}
