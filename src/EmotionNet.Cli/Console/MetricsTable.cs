using System.Globalization;
using EmotionNet.Core.Evaluation;
using Spectre.Console;

namespace EmotionNet.Cli.Console;

/// <summary>
/// A per-class table of precision, recall, F1 and support, under a line with accuracy, macro recall,
/// macro-F1 and the clip count. Classes the data has no clip of show no recall and are named as left
/// out of the macro means. With end-to-end scores (photos), two more columns: photos without a face
/// found, and the recall over all photos.
/// </summary>
internal static class MetricsTable
{
    public static void Show(string split, ClassificationMetrics metrics, EndToEndMetrics? endToEnd = null)
    {
        var present = metrics.PerClass.Count - metrics.AbsentClasses.Count;
        var absent = metrics.AbsentClasses.Count == 0 ? "" : $"; no clip of {string.Join(", ", metrics.AbsentClasses)}";
        // A line of its own: as a table title Spectre wraps it to the table's width ("n =" and the count split).
        AnsiConsole.WriteLine(Invariant($"{split}: accuracy {metrics.Accuracy:P2}, macro recall {metrics.MacroRecall:P2} and macro-F1 {metrics.MacroF1:F3} over the {present} class{(present == 1 ? "" : "es")} present{absent}, n = {metrics.Count}"));
        var table = new Table();
        table.AddColumn("class");
        table.AddColumn(new TableColumn("precision").RightAligned());
        table.AddColumn(new TableColumn("recall").RightAligned());
        table.AddColumn(new TableColumn("F1").RightAligned());
        table.AddColumn(new TableColumn("support").RightAligned());
        if (endToEnd is not null)
        {
            table.AddColumn(new TableColumn("no face").RightAligned());
            table.AddColumn(new TableColumn("recall, all photos").RightAligned());
        }
        for (var i = 0; i < metrics.PerClass.Count; i++)
        {
            var c = metrics.PerClass[i];
            var recall = c.Support == 0 ? "-" : Invariant($"{c.Recall:P1}");
            var cells = new List<string> { c.Name, Invariant($"{c.Precision:P1}"), recall, Invariant($"{c.F1:F3}"), Invariant($"{c.Support}") };
            if (endToEnd?.PerClass[i] is { } e)
                cells.AddRange([Invariant($"{e.FacesNotFound}"), e.Recall is { } r ? Invariant($"{r:P1} ({e.Correct}/{e.Photos})") : "-"]);
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        AnsiConsole.Write(table);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
