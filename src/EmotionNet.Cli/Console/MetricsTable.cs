using EmotionNet.Core.Evaluation;
using Spectre.Console;

namespace EmotionNet.Cli.Console;

/// <summary>A per-class table of precision, recall, F1 and support, under a line with accuracy, macro-F1 and the clip count.</summary>
internal static class MetricsTable
{
    public static void Show(string split, ClassificationMetrics metrics)
    {
        // A line of its own: as a table title Spectre wraps it to the table's width ("n =" and the count split).
        AnsiConsole.WriteLine($"{split}: accuracy {metrics.Accuracy:P2}, macro-F1 {metrics.MacroF1:F3}, n = {metrics.Count}");
        var table = new Table();
        table.AddColumn("class");
        table.AddColumn(new TableColumn("precision").RightAligned());
        table.AddColumn(new TableColumn("recall").RightAligned());
        table.AddColumn(new TableColumn("F1").RightAligned());
        table.AddColumn(new TableColumn("support").RightAligned());
        foreach (var c in metrics.PerClass)
            table.AddRow(c.Name, $"{c.Precision:P1}", $"{c.Recall:P1}", $"{c.F1:F3}", c.Support.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
    }
}
