namespace EmotionNet.Packaging.Tests;

/// <summary>Files a package consumer writes: a nuget.config that takes EmotionNet.* from the test feed only.</summary>
internal static class ConsumerProject
{
    /// <summary>
    /// Package source mapping: EmotionNet.* only from <paramref name="feed"/> (never a published
    /// package of the same name), everything else from nuget.org.
    /// </summary>
    public static void WriteNuGetConfig(string folder, string feed) => File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="emotionnet-test-feed" value="{feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="emotionnet-test-feed">
              <package pattern="EmotionNet.*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """);

    /// <summary>The first C# block of docs/getting-started.md: the program the documentation promises works.</summary>
    public static string GettingStartedProgram()
    {
        var doc = Path.Combine(PackagedFeed.RepositoryRoot, "docs", "getting-started.md");
        var text = File.ReadAllText(doc).Replace("\r\n", "\n", StringComparison.Ordinal);
        const string open = "```csharp\n";
        var start = text.IndexOf(open, StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"'{doc}' has no ```csharp block.");
        start += open.Length;
        var end = text.IndexOf("\n```", start, StringComparison.Ordinal);
        return text[start..(end + 1)];
    }
}
