using System.Text;
using System.Text.RegularExpressions;
using EmotionNet.Core;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Batch;

/// <summary>
/// Turns one path as a user wrote it (a file, a folder, a glob) into batch inputs, each with the
/// folder its name is taken relative to.
/// </summary>
internal static class InputExpansion
{
    /// <summary>An input found: its full path, and the folder that anchors its name.</summary>
    internal readonly record struct Entry(string FullPath, string Anchor);

    /// <summary>True when <paramref name="path"/> holds glob characters (<c>* ? [</c>).</summary>
    public static bool IsGlob(string path) => path.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>True when <paramref name="folder"/> or a folder below it holds a video file.</summary>
    public static bool HoldsVideos(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any(MediaExtensions.IsVideo);

    /// <summary>
    /// A file is one input; a folder is one input per video below it, or itself (an image sequence)
    /// when it holds no videos; a glob is every image or video it matches.
    /// </summary>
    /// <exception cref="EmotionNetException">Nothing is there, a glob matches no image or video, or it is not a valid pattern.</exception>
    public static IEnumerable<Entry> Expand(string path)
    {
        if (IsGlob(path)) return Glob(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var videos = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Where(MediaExtensions.IsVideo).Order(StringComparer.Ordinal).ToArray();
            return videos.Length > 0
                ? videos.Select(v => new Entry(v, full))
                : [new Entry(full.TrimEnd(Path.DirectorySeparatorChar), Parent(full))];
        }
        if (File.Exists(full)) return [new Entry(full, Parent(full))];
        throw new EmotionNetException($"Input '{path}' does not exist.");
    }

    private static IEnumerable<Entry> Glob(string pattern)
    {
        // The folder part before the first segment with a wildcard is walked; the rest is matched
        // against paths below it ('*' and '?' within a segment, '**' across segments).
        var segments = pattern.Replace('\\', '/').Split('/');
        var literal = segments.TakeWhile(s => !IsGlob(s)).ToArray();
        var rest = segments.Skip(literal.Length).ToArray();
        var prefix = string.Join('/', literal);
        var root = Path.GetFullPath(literal.Length == 0 ? "." : prefix.Length == 0 ? "/" : prefix);
        Regex regex;
        try
        {
            regex = new Regex("^" + ToRegex(string.Join('/', rest)) + "$", RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            // A set such as [z-a] is a reversed range: the pattern is the user's, so is the mistake.
            throw new EmotionNetException($"'{pattern}' is not a valid glob pattern: {e.Message}", e);
        }
        var deep = rest.Length > 1 || rest.Any(s => s.Contains("**", StringComparison.Ordinal));
        var matches = !Directory.Exists(root) ? [] : Directory.EnumerateFiles(root, "*", deep ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => MediaExtensions.IsImage(f) || MediaExtensions.IsVideo(f))
            .Where(f => regex.IsMatch(Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (matches.Length == 0) throw new EmotionNetException($"No image or video matches '{pattern}'.");
        return matches.Select(m => new Entry(m, root));
    }

    private static string ToRegex(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') regex.Append("[^/]*");
            else if (c == '?') regex.Append("[^/]");
            else if (c == '[')
            {
                var end = glob.IndexOf(']', i + 1);
                if (end < 0) { regex.Append(@"\["); continue; }
                var set = glob[(i + 1)..end];
                regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                i = end;
            }
            else regex.Append(Regex.Escape(c.ToString()));
        }
        return regex.ToString();
    }

    private static string Parent(string full) => Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar)) ?? full;
}
