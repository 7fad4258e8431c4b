using EmotionNet.Core;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.IO;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Batch;

/// <summary>
/// Analyzes one shard of a <see cref="BatchPlan"/>, one input after the other with one classifier, each
/// into its own folder under the output folder, then writes the shard's report (batch.csv, batch.json,
/// batch.png) and its combined segments (<see cref="BatchSegments"/>).
/// <list type="bullet">
/// <item>An input is analyzed into <c>.partial/&lt;folder&gt;</c>; <see cref="BatchFiles.Done"/> is written
/// last, atomically, and the folder is then renamed to its final name. A folder under its final name is
/// therefore complete (or holds only a failed input's <see cref="BatchFiles.Error"/>) whenever the process
/// is killed, and what a killed run left in <c>.partial</c> is removed when the next one starts.</item>
/// <item>An input whose folder holds done.json is skipped; a failed one is tried again.</item>
/// <item>An input that cannot be analyzed (an <see cref="EmotionNetException"/>: unreadable, no frames) is
/// recorded with its error and the batch goes on.</item>
/// <item>Cancellation stops after the current input's frames are abandoned; the inputs not finished stay pending.</item>
/// </list>
/// One process works in an output folder at a time (shards use one folder each; <see cref="BatchMerge"/> combines them).
/// </summary>
public static class BatchRunner
{
    /// <summary>
    /// Analyzes <paramref name="batch"/>'s shard of <paramref name="plan"/> into <paramref name="output"/>'s folder
    /// (<paramref name="output"/>'s other settings apply to each input) and writes the shard's report there.
    /// </summary>
    /// <exception cref="EmotionNetException">The output folder cannot be written.</exception>
    public static async Task<BatchResult> RunAsync(
        IEmotionClassifier classifier,
        BatchPlan plan,
        AnalyzerOptions analyzer,
        OutputOptions output,
        BatchOptions batch,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(batch);
        analyzer.Validate();
        output.Validate();
        batch.Validate();

        var root = output.Directory;
        var classes = classifier.Classes.ClassNames;
        var shard = batch.EffectiveShard;
        AtomicFile.EnsureDirectory(root);
        AtomicFile.DeleteLeftovers(root);
        var staging = Path.Combine(root, BatchFiles.Staging);
        DeleteFolder(staging); // a killed run's half-analyzed input
        new BatchPlanFile(plan.Fingerprint, shard, classes, plan.Inputs).Save(root);

        var mine = plan.Select(shard);
        int analyzed = 0, skipped = 0, failed = 0;
        var cancelled = false;
        for (var position = 0; position < mine.Count; position++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }
            var input = mine[position];
            var final = Path.Combine(root, input.Folder);
            if (ReadOrNull(root, input, classes) is { Status: BatchStatus.Done })
            {
                skipped++;
                progress?.Report(new BatchProgress(position, mine.Count, input, BatchStep.Skipped));
                continue;
            }

            progress?.Report(new BatchProgress(position, mine.Count, input, BatchStep.Started));
            var step = position; // the frames callback keeps this input's position
            var outcome = await AnalyzeOneAsync(classifier, input, analyzer, output, Path.Combine(staging, input.Folder), final, classes,
                progress is null ? null : new Progress(p => progress.Report(new BatchProgress(step, mine.Count, input, BatchStep.Frames, Frames: p))),
                cancellationToken).ConfigureAwait(false);
            if (outcome.Step is null)
            {
                cancelled = true;
                break;
            }
            if (outcome.Step == BatchStep.Done) analyzed++; else failed++;
            progress?.Report(new BatchProgress(position, mine.Count, input, outcome.Step.Value, outcome.Error));
        }
        DeleteFolder(staging);

        var records = mine.Select(input => ReadOrNull(root, input, classes) ?? BatchRecord.Pending(input)).ToArray();
        var batchReport = new BatchReport(classes, records);
        var files = batchReport.Write(root, batch.Plots)
            .Concat(BatchSegments.Write(root, mine.Select((input, i) => (records[i], Path.Combine(root, input.Folder))).ToArray()))
            .ToArray();
        return new BatchResult(batchReport, analyzed, skipped, failed, cancelled, files);
    }

    // One input, analyzed in its staging folder and moved under its final name with its marker: Done, or
    // Failed with the error recorded in place of its outputs; a null step means the batch was cancelled
    // (the staging folder is dropped: nothing half-analyzed survives).
    private static async Task<(BatchStep? Step, string? Error)> AnalyzeOneAsync(IEmotionClassifier classifier, BatchInput input, AnalyzerOptions analyzer,
        OutputOptions output, string work, string final, IReadOnlyList<string> classes, IProgress<AnalysisProgress>? frames, CancellationToken cancellationToken)
    {
        try
        {
            var report = await AnalysisRunner.RunAsync(classifier, InputSource.FromPath(input.Path), analyzer, output with { Directory = work }, frames, cancellationToken).ConfigureAwait(false);
            if (report.Cancelled)
            {
                DeleteFolder(work);
                return (null, null);
            }
            if (report.Summary.FramesProcessed == 0) throw new EmotionNetException($"Input '{input.Path}' gave no frames.");
            BatchRecord.Done(input, report.Summary).Save(work, classes);
            Replace(final, work);
            return (BatchStep.Done, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            DeleteFolder(work);
            return (null, null);
        }
        catch (EmotionNetException e)
        {
            // The input is the problem, not the batch: record why, keep no partial outputs, go on.
            DeleteFolder(work);
            AtomicFile.EnsureDirectory(work);
            BatchRecord.Failed(input, e.Message).Save(work, classes);
            Replace(final, work);
            return (BatchStep.Failed, e.Message);
        }
    }

    // A marker that cannot be read (never expected: it is written atomically) means the input is done again.
    private static BatchRecord? ReadOrNull(string root, BatchInput input, IReadOnlyList<string> classes)
    {
        try
        {
            return BatchRecord.Read(root, input, classes);
        }
        catch (EmotionNetException)
        {
            return null;
        }
    }

    /// <summary>Puts the finished <paramref name="work"/> folder under its final name, replacing an earlier attempt.</summary>
    private static void Replace(string final, string work)
    {
        try
        {
            // Killed between the two steps, the input simply has no folder and the next run redoes it.
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
            Directory.Move(work, final);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmotionNetException($"Could not move '{work}' to '{final}': {e.Message}", e);
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmotionNetException($"Could not remove '{folder}': {e.Message}", e);
        }
    }

    /// <summary>Forwards frame progress synchronously (System.Progress would post it to the thread pool, out of order).</summary>
    private sealed class Progress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
