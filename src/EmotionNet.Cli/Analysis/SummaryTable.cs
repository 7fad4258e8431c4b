using System.Globalization;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Results;
using Spectre.Console;

namespace EmotionNet.Cli.Analysis;

/// <summary>Prints a run's summary as a table (one row per face, then the whole input) and the files written, on standard output.</summary>
internal static class SummaryTable
{
    public static void Print(AnalysisReport report)
    {
        var summary = report.Summary;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Input}: {summary.FramesProcessed} frames ({summary.FramesWithFaces} with faces, {summary.FramesWithoutFaces} without), {report.FramesPerSecond:0.0} fps")));
        table.AddColumn("face");
        table.AddColumn(new TableColumn("frames").RightAligned());
        table.AddColumn("dominant");
        foreach (var name in summary.Classes.ClassNames) table.AddColumn(new TableColumn(name).RightAligned());
        foreach (var face in summary.Faces)
            table.AddRow(Row(face.FaceId.ToString(CultureInfo.InvariantCulture), face.Frames, face.Dominant.ToString(), face.Shares));
        table.AddRow(Row("[bold]all[/]", summary.FramesWithFaces, summary.Dominant?.ToString() ?? "-", summary.Shares));
        AnsiConsole.Write(table);
        foreach (var file in report.Files) AnsiConsole.MarkupLine($"[grey]wrote[/] {Markup.Escape(file)}");
    }

    private static string[] Row(string id, int frames, string dominant, IReadOnlyList<double> shares) =>
        [id, frames.ToString(CultureInfo.InvariantCulture), Markup.Escape(dominant), .. shares.Select(AnalysisSummary.Percent)];
}
