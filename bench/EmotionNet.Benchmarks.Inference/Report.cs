using System.Globalization;
using System.Text;
using EmotionNet.Core.IO;

/// <summary>
/// One mode's markdown: a header (date, machine, exact command) and tables. Printed, and when a doc is
/// given, written between that mode's markers in it (<c>&lt;!-- bench:MODE:begin --&gt;</c> ...
/// <c>&lt;!-- bench:MODE:end --&gt;</c>), so each mode refreshes only its own figures.
/// </summary>
internal sealed class Report(string mode, string command)
{
    private (string Begin, string End) Markers => ($"<!-- bench:{mode}:begin -->", $"<!-- bench:{mode}:end -->");

    /// <summary>Where this mode's section of <paramref name="text"/> begins and ends (the two markers), or null when it has none.</summary>
    private (int Begin, int End)? Section(string text)
    {
        var i = text.IndexOf(Markers.Begin, StringComparison.Ordinal);
        var j = text.IndexOf(Markers.End, StringComparison.Ordinal);
        return i < 0 || j < i ? null : (i, j);
    }

    /// <summary>Why <paramref name="doc"/> cannot take this mode's figures (missing, or without its markers), or null: checked before a run, not after it.</summary>
    public string? DocProblem(string? doc)
    {
        if (doc is null) return null;
        if (!File.Exists(doc)) return $"--doc {doc}: no such file (the figures go between its '{Markers.Begin}' and '{Markers.End}' lines).";
        return Section(File.ReadAllText(doc)) is null ? $"--doc {doc}: no '{Markers.Begin}' ... '{Markers.End}' section for mode {mode}." : null;
    }

    private readonly StringBuilder text = new();

    public Report Line(string line = "")
    {
        text.AppendLine(line);
        return this;
    }

    public Report Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var row in rows) text.AppendLine("| " + string.Join(" | ", row) + " |");
        text.AppendLine();
        return this;
    }

    public void Publish(string? doc)
    {
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on: {Machine.Describe()}.")
            .AppendLine()
            .AppendLine("```bash")
            .AppendLine(command)
            .AppendLine("```")
            .AppendLine()
            .Append(text)
            .ToString();
        Console.WriteLine(body);
        if (doc is null) return;
        var current = File.ReadAllText(doc);
        // DocProblem checked the section before the run; the file may have been edited since.
        var (i, j) = Section(current) ?? throw new InvalidOperationException(DocProblem(doc));
        var updated = current[..(i + Markers.Begin.Length)] + "\n" + body.TrimEnd() + "\n" + current[j..];
        AtomicFile.WriteAllText(doc, updated);
        Console.WriteLine($"updated {doc} ({mode})");
    }
}
