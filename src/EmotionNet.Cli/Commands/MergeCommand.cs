using EmotionNet.Cli.Flags;
using System.CommandLine;
using System.Globalization;
using EmotionNet.Inference.Batch;
using EmotionNet.Plotting;
using Spectre.Console;

namespace EmotionNet.Cli.Commands;

/// <summary>'emotionnet merge': combines a batch's shard folders into the report one process over the whole batch writes.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var shards = new Argument<string[]>("shards") { Description = "The --out folder of every shard of the batch.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { HelpName = "DIR", Description = "Folder for the combined batch.csv, batch.json, batch.png and batch-segments.csv/json.", Required = true };
        var command = new Command("merge", "Combine the output folders of a sharded 'analyze' batch into one report (batch.csv/json/png, batch-segments.csv/json), as one process over all inputs writes it.");
        command.Arguments.Add(shards);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var out_ = OutFolder.Require(parse.GetValue(output));
            var report = BatchMerge.Merge(parse.GetValue(shards)!, out_, AnalysisPlots.Instance);
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"merged: {report.Records.Count} input(s): {report.Done} done, {report.Failed} failed, {report.Pending} pending")));
            foreach (var record in report.Records.Where(r => r.Status != BatchStatus.Done))
                AnsiConsole.MarkupLine($"[red]{BatchRecord.StatusName(record.Status)}[/] {Markup.Escape(record.Input)}{(record.Error is null ? "" : ": " + Markup.Escape(record.Error))}");
            foreach (var name in new[] { BatchFiles.ReportCsv, BatchFiles.ReportJson, BatchFiles.ReportPlot, BatchFiles.SegmentsCsv, BatchFiles.SegmentsJson })
                AnsiConsole.MarkupLine($"[grey]wrote[/] {Markup.Escape(Path.GetFullPath(Path.Combine(out_, name)))}");
            return report.Failed + report.Pending > 0 ? CliApp.PartialFailure : 0;
        });
        return command;
    }
}
