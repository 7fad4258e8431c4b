using System.Text;
using EmotionNet.Core.IO;

namespace EmotionNet.Benchmarks;

/// <summary>
/// Replaces one generated section of a markdown file, between &lt;!-- bench:NAME --&gt; and
/// &lt;!-- /bench:NAME --&gt;, so rerunning a mode refreshes its figures and leaves the prose around them.
/// A missing section is appended.
/// </summary>
internal static class DocSections
{
    public static void Write(string path, string name, string markdown)
    {
        var begin = $"<!-- bench:{name} -->";
        var end = $"<!-- /bench:{name} -->";
        var block = $"{begin}\n{markdown.TrimEnd()}\n{end}";
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var i = text.IndexOf(begin, StringComparison.Ordinal);
        var j = text.IndexOf(end, StringComparison.Ordinal);
        text = i >= 0 && j > i
            ? string.Concat(text.AsSpan(0, i), block, text.AsSpan(j + end.Length))
            : text.TrimEnd() + "\n\n" + block + "\n";
        AtomicFile.WriteAllText(path, text);
        Console.WriteLine($"wrote section '{name}' of {path}");
    }
}

/// <summary>Builds a section: what was run, on what, and the tables.</summary>
internal sealed class Section
{
    private readonly StringBuilder text = new();
    private readonly double loadBefore = Machine.LoadAverage();
    private readonly OtherCpu others = new();

    public Section(string command) => Command = command;

    public string Command { get; }

    public Section Line(string line = "")
    {
        text.AppendLine(line);
        Console.WriteLine(line);
        return this;
    }

    public Section Row(params string[] cells) => Line("| " + string.Join(" | ", cells) + " |");

    public Section Header(params string[] cells) => Row(cells).Row(cells.Select(_ => "---").ToArray());

    public string Render(bool torch = true) =>
        $"```bash\n{Command}\n```\n\n{Machine.Describe(loadBefore, Machine.LoadAverage(), others.Share(), torch)}\n\n{text.ToString().TrimEnd()}\n";
}
