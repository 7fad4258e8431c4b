namespace EmotionNet.Cli.Flags;

/// <summary>The one check of every verb's <c>--out</c>: it must name a folder.</summary>
internal static class OutFolder
{
    /// <summary><paramref name="value"/>, or a <see cref="UsageException"/> when it is empty or blank.</summary>
    public static string Require(string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException("--out must name a folder.") : value;
}
