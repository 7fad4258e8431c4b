using EmotionNet.Cli;
using EmotionNet.Reliability.Tests.Support;

namespace EmotionNet.Reliability.Tests.Corpus;

/// <summary>
/// Every corpus case through the <c>emotionnet</c> command line (in this process, console captured):
/// the documented exit code (1 bad input, 2 bad command line, 0 graceful, 3 partial failure), a
/// one-line message naming the file and the line or field for 1 and 2; never a stack trace, never a hang.
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
        Assert.True(code == c.Expect.ExitCode, $"{name}: expected exit {c.Expect.ExitCode} ({c.Expect.Graceful ?? c.Expect.Type?.Name}), got {code}:\n{text}");
        if (code is CliApp.Failure or CliApp.UsageError)
        {
            var error = text.Split('\n').Single(l => l.StartsWith("error: ", StringComparison.Ordinal));
            Assert.Contains(CorpusRunner.NamedFile(c, input, cli: true), error, StringComparison.Ordinal);
            foreach (var fragment in c.Expect.Fragments) Assert.Contains(fragment, error, StringComparison.Ordinal);
            return;
        }
        // A graceful or partial run lists what it passed over, naming each file.
        foreach (var fragment in c.Expect.Fragments) Assert.Contains(fragment, text, StringComparison.Ordinal);
    }
}
