using System.Globalization;
using EmotionNet.Inference.Analysis;
using EmotionNet.Cli.Console;
using Spectre.Console;

namespace EmotionNet.Cli.Analysis;

/// <summary>
/// Shows a run's progress on standard error: a bar with frames done / total and fps for files, a live
/// frame count and fps for a camera.
/// </summary>
internal static class AnalysisProgressView
{
    public static async Task<T> RunAsync<T>(string title, Func<IProgress<AnalysisProgress>, Task<T>> run)
    {
        // Made per run, not once: a console kept in a static stays bound to whatever standard error was
        // first, and its refresh thread then writes to a closed writer (seen when a host redirects it).
        var err = Consoles.StandardError();
        var result = default(T)!;
        await err.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), autoStart: true);
                task.IsIndeterminate = true;
                result = await run(new Reporter(task, title));
                if (task.IsIndeterminate) task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
            });
        return result;
    }

    /// <summary>Updates the task straight from the analysis loop (Spectre's tasks are safe to update from another thread).</summary>
    private sealed class Reporter(ProgressTask task, string title) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value)
        {
            if (value.FramesTotal is { } total && total > 0)
            {
                task.IsIndeterminate = false;
                task.MaxValue = total;
                task.Value = Math.Min(value.FramesDone, total);
                task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{title}: {value.FramesDone}/{total} frames, {value.FramesPerSecond:0.0} fps"));
            }
            else
            {
                task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{title}: {value.FramesDone} frames, {value.FramesPerSecond:0.0} fps, {value.FacesInFrame} face(s) (Ctrl+C to stop)"));
            }
        }
    }
}
