using EmotionNet.Core;

namespace EmotionNet.Inference.Batch;

/// <summary>
/// A manifest: a text file with one input per line (a file, a folder or a glob, like a command-line
/// argument). Blank lines and lines starting with '#' are skipped; surrounding white space is trimmed;
/// a relative path is relative to the manifest's folder, not the working folder, so a manifest can be
/// moved together with its data. A path that does not exist, or one listed twice, is an error naming
/// <c>file:line</c>, and so is a line longer than <see cref="MaxLineLength"/>.
/// </summary>
public static class Manifest
{
    /// <summary>Longest line read, in characters: PATH_MAX on Linux; a longer line is no path, and quoting it would flood the message.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>The inputs of <paramref name="file"/>, in file order, with the line each came from.</summary>
    /// <exception cref="EmotionNetException">The manifest cannot be read.</exception>
    /// <exception cref="ManifestException">A line names nothing usable or repeats an earlier input.</exception>
    internal static IReadOnlyList<InputExpansion.Entry> Read(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmotionNetException($"Could not read the manifest '{file}': {e.Message}", e);
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var entries = new List<InputExpansion.Entry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.Length > MaxLineLength)
                throw new ManifestException(file, i + 1, $"the line is {line.Length:N0} characters long, longer than {MaxLineLength} characters: no path is that long.");
            // .NET refuses a path holding NUL with an ArgumentException; no file system allows one.
            if (line.Contains('\0', StringComparison.Ordinal))
                throw new ManifestException(file, i + 1, "the line holds a NUL character, which no path can.");
            var path = Path.IsPathRooted(line) ? line : Path.Combine(folder, line);
            IEnumerable<InputExpansion.Entry> found;
            try
            {
                found = InputExpansion.Expand(path).ToArray();
            }
            catch (EmotionNetException e)
            {
                throw new ManifestException(file, i + 1, e.Message.Replace($"'{path}'", $"'{line}'", StringComparison.Ordinal));
            }
            foreach (var entry in found)
            {
                if (seen.TryGetValue(entry.FullPath, out var first))
                    throw new ManifestException(file, i + 1, $"'{line}' repeats an input already listed on line {first}.");
                seen[entry.FullPath] = i + 1;
                // Names are taken relative to the manifest's folder.
                entries.Add(entry with { Anchor = folder });
            }
        }
        if (entries.Count == 0) throw new EmotionNetException($"The manifest '{file}' lists no inputs.");
        return entries;
    }
}
