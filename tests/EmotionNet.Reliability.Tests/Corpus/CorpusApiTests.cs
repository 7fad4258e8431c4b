using EmotionNet.Cli;

namespace EmotionNet.Reliability.Tests.Corpus;

/// <summary>Every corpus case through its library entry point: the documented exception with file and line/field, or the documented result.</summary>
[Collection(TorchRandomGroup.Name)]
public sealed class CorpusApiTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("emotionnet-corpus-api-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Theory]
    [MemberData(nameof(CorpusCases.Names), MemberType = typeof(CorpusCases))]
    public async Task Case_gets_its_documented_outcome(string name)
    {
        var c = CorpusCases.Get(name);
        var input = c.Input();
        Exception? error = null;
        string? result = null;
        try
        {
            result = await Task.Run(() => CorpusRunner.RunApi(c, input, work)).WaitAsync(CorpusRunner.Limit);
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            error = e;
        }

        if (c.Expect.Type is null)
        {
            Assert.True(error is null, $"{name}: expected success ({c.Expect.Graceful}), got {error}");
            // Something was read (faces loaded, frames analyzed, a frame without a face is fine), unless the case is that nothing could be.
            if (c.Expect.ExitCode != CliApp.Failure) Assert.False(result!.StartsWith("0 ", StringComparison.Ordinal), $"{name}: {result}");
            foreach (var fragment in c.Expect.Fragments) Assert.Contains(fragment, result!, StringComparison.Ordinal);
            return;
        }
        Assert.True(error is not null, $"{name}: expected {c.Expect.Type.Name}, got success ({result})");
        Assert.True(c.Expect.Type.IsInstanceOfType(error), $"{name}: expected {c.Expect.Type.Name}, got {error}");
        Assert.Contains(CorpusRunner.NamedFile(c, input, cli: false), error.Message, StringComparison.Ordinal);
        foreach (var fragment in c.Expect.Fragments) Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}
