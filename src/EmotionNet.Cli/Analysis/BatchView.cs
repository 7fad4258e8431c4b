using System.Globalization;
using EmotionNet.Cli.Console;
using EmotionNet.Inference.Batch;
using Spectre.Console;

namespace EmotionNet.Cli.Analysis;

/// <summary>A batch on the console: one line per input on standard error as it goes, the totals and files on standard output.</summary>
internal static class BatchView
{
    /// <summary>Prints each input's outcome (frame progress is left out: one line per input stays readable in a scheduler's log).</summary>
    public static IProgress<BatchProgress> Lines() => new LineProgress();

    public static void PrintResult(BatchResult result, BatchSettings settings)
    {
        var report = result.Report;
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"batch: {report.Records.Count} of {settings.Plan.Inputs.Count} input(s) in shard {settings.Shard}: {result.Analyzed} analyzed, {result.Skipped} done earlier, {report.Failed} failed, {report.Pending} pending")));
        foreach (var record in report.Records.Where(r => r.Status == BatchStatus.Failed))
            AnsiConsole.MarkupLine($"[red]failed[/] {Markup.Escape(record.Input)}: {Markup.Escape(record.Error ?? "")}");
        if (result.Cancelled) AnsiConsole.MarkupLine("[yellow]stopped early: rerun the same command to analyze the pending inputs[/]");
        foreach (var file in result.Files) AnsiConsole.MarkupLine($"[grey]wrote[/] {Markup.Escape(file)}");
    }

    private sealed class LineProgress : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"[{value.Position + 1}/{value.Count}] {value.Input.Name}");
            switch (value.Step)
            {
                case BatchStep.Skipped: Output.Info($"{at}: done earlier, skipped"); break;
                case BatchStep.Done: Output.Info($"{at}: done"); break;
                case BatchStep.Failed: Output.Warn($"{at}: failed: {value.Error}"); break;
            }
        }
    }
}
