using System.Globalization;
using EmotionNet.Cli.Flags;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Results;
using Spectre.Console;

namespace EmotionNet.Cli.Analysis;

/// <summary>
/// Prints a run's summary on standard output: one row per face, then the whole input, with the
/// emotions seen sorted by share (summary.txt has every class in its own column), the number of
/// emotion segments, then the files written.
/// </summary>
internal static class SummaryTable
{
    public static void Print(AnalysisReport report)
    {
        var summary = report.Summary;
        var frames = summary.Timed ? "frames" : "photos";
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Input}: {summary.FramesProcessed} {frames}, {summary.FramesWithFaces} with faces, {summary.FramesWithoutFaces} without, {report.FramesPerSecond:0.0} fps")));
        var table = summary.Timed ? Timeline(summary) : Photos(summary);
        AnsiConsole.Write(table);
        if (report.Cancelled) AnsiConsole.MarkupLine("[yellow]stopped early: the outputs hold the frames analyzed so far[/]");
        foreach (var skipped in summary.Skipped)
        {
            var flag = FlagVocabulary.FlagFor(skipped.Option) is { } f ? $" ({f})" : "";
            AnsiConsole.MarkupLine($"[yellow]skipped[/] {Markup.Escape(skipped.Reason + flag)}");
        }
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"segments: {report.Segments} ({OutputOptions.SegmentsCsv}, {OutputOptions.SegmentsJson})")));
        foreach (var file in report.Files) AnsiConsole.MarkupLine($"[grey]wrote[/] {Markup.Escape(file)}");
    }

    // A video, camera or sequence: how long each face showed each emotion.
    private static Table Timeline(AnalysisSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("face");
        table.AddColumn(new TableColumn("frames").RightAligned());
        table.AddColumn("dominant");
        table.AddColumn("share of time");
        foreach (var face in summary.Faces)
            table.AddRow(face.FaceId.ToString(CultureInfo.InvariantCulture), face.Frames.ToString(CultureInfo.InvariantCulture), face.Dominant.ToString(), Shares(summary, face.Shares));
        table.AddRow("[bold]all[/]", summary.FramesWithFaces.ToString(CultureInfo.InvariantCulture), summary.Dominant?.ToString() ?? "-", Shares(summary, summary.Shares));
        return table;
    }

    // Independent photos: each face is one result in one photo; there is no time to share.
    private static Table Photos(AnalysisSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("face");
        table.AddColumn("photo");
        table.AddColumn("emotion");
        table.AddColumn(new TableColumn("confidence").RightAligned());
        foreach (var face in summary.Faces)
            table.AddRow(face.FaceId.ToString(CultureInfo.InvariantCulture), Markup.Escape(face.Source ?? "-"), face.Dominant.ToString(), AnalysisSummary.Percent(face.MeanConfidence));
        table.AddRow("[bold]all[/]", string.Create(CultureInfo.InvariantCulture, $"{summary.Faces.Count} face(s) in {summary.FramesWithFaces} photo(s)"), Shares(summary, summary.Shares), "");
        return table;
    }

    private static string Shares(AnalysisSummary summary, IReadOnlyList<double> shares)
    {
        var seen = shares.Select((share, i) => (share, name: summary.Classes.ClassNames[i])).Where(s => s.share > 0).OrderByDescending(s => s.share).ToArray();
        return seen.Length == 0 ? "-" : Markup.Escape(string.Join(", ", seen.Select(s => $"{s.name} {AnalysisSummary.Percent(s.share)}")));
    }
}
