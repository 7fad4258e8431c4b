using System.Globalization;
using System.Text.RegularExpressions;
using EmotionNet.Inference.Batch;
using EmotionNet.Reliability.Tests.Support;
using EmotionNet.TestSupport;
using Xunit.Abstractions;

namespace EmotionNet.Reliability.Tests;

/// <summary>
/// Kills a real batch analysis (the built emotionnet over several generated videos, a child process)
/// with SIGKILL at seeded-random moments, reruns it each time, and checks what the batch promises:
/// nothing half-written under a final name, finished inputs never redone, and in the end the same
/// report as a run that was never interrupted.
/// </summary>
[Collection("processes")]
public sealed class BatchInterruptionTests(ITestOutputHelper log) : IDisposable
{
    private const int Videos = 8;
    private const int Kills = 5;
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);
    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-batch-interrupt-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    // One model thread: the same frames give the same numbers in every run, so reports compare byte for byte.
    private static string[] AnalyzeArgs(string videos, string output) =>
        ["analyze", videos, "--out", output, "--checkpoint", CorpusFiles.TinyCheckpoint, "--device", "cpu", "--model-threads", "1"];

    [Fact]
    public async Task Sigkill_at_random_moments_never_leaves_a_partial_input_redoes_none_and_the_final_report_equals_an_uninterrupted_run()
    {
        var videos = Path.Combine(dir, "videos");
        Directory.CreateDirectory(videos);
        for (var i = 0; i < Videos; i++)
            SyntheticScene.WriteVideo(Path.Combine(videos, $"clip-{i}.avi"), 320, 640, 480, 25, SyntheticScene.OneMovingFace(SyntheticScene.FaceFiles[i % 3], 20 + 10 * i, 80, 180, 1));

        var reference = Path.Combine(dir, "reference");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var once = CliProcess.Start(AnalyzeArgs(videos, reference)))
            Assert.True(await once.WaitAsync(RunLimit) == 0, once.Output);
        log.WriteLine($"uninterrupted run: {clock.Elapsed.TotalSeconds:0.0} s");
        // A rerun skips what is done, so each kill is drawn over the time the inputs still to do should take.
        var startup = TimeSpan.FromSeconds(1.5);
        var perInput = (clock.Elapsed - startup) / Videos; // shrunk below when a run finishes before its kill

        var run = Path.Combine(dir, "run");
        var random = new Random(19);
        var kills = 0;
        for (var attempt = 0; kills < Kills && attempt < 20; attempt++)
        {
            var doneBefore = DoneMarkers(run);
            using var process = CliProcess.Start(AnalyzeArgs(videos, run));
            // From start-up (loading libtorch and the model) to the last inputs still to do: kills land in every phase.
            var delay = TimeSpan.FromMilliseconds(random.Next(1000, Math.Max(1001, (int)(startup + perInput * (Videos - doneBefore.Count)).TotalMilliseconds)));
            await Task.Delay(delay);
            if (process.HasExited)
            {
                // The reference run was slower than this one (other test assemblies load the machine at
                // different times): the time estimate was too long. Shrink it to what this run took at
                // most, and start the batch over so the remaining kills still land mid-batch.
                Assert.True(process.ExitCode == 0, process.Output);
                log.WriteLine($"attempt {attempt}: finished before the kill at {delay.TotalSeconds:0.0} s (exit 0); starting over with a shorter estimate");
                perInput = Min(perInput, 0.8 * (delay - startup) / Math.Max(1, Videos - doneBefore.Count));
                Directory.Delete(run, recursive: true);
                continue;
            }
            process.KillHard();
            await process.WaitAsync(RunLimit);
            kills++;
            AssertNothingPartialUnderAFinalName(run);
            AssertNotRedone(doneBefore, DoneMarkers(run), process.Output);
            log.WriteLine($"attempt {attempt}: SIGKILL at {delay.TotalSeconds:0.0} s; done: {DoneMarkers(run).Count} of {Videos}" +
                $"{(Directory.Exists(Path.Combine(run, BatchFiles.Staging)) ? ", .partial left" : "")}");
        }
        Assert.True(kills >= 4, $"only {kills} kills landed while the batch was going");

        var doneAtEnd = DoneMarkers(run);
        using (var finish = CliProcess.Start(AnalyzeArgs(videos, run)))
        {
            Assert.True(await finish.WaitAsync(RunLimit) == 0, finish.Output);
            AssertNotRedone(doneAtEnd, DoneMarkers(run), finish.Output);
            // The run's own log: every input finished before it is "done earlier", and counted so.
            foreach (var name in doneAtEnd.Keys) Assert.Contains($"{name}: done earlier, skipped", finish.Output, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{Videos - doneAtEnd.Count} analyzed, {doneAtEnd.Count} done earlier, 0 failed, 0 pending"), finish.Output, StringComparison.Ordinal);
        }
        AssertNothingPartialUnderAFinalName(run);
        Assert.False(Directory.Exists(Path.Combine(run, BatchFiles.Staging)), ".partial is removed when the batch completes");
        Assert.Equal(Videos, DoneMarkers(run).Count);
        foreach (var report in new[] { BatchFiles.ReportCsv, BatchFiles.ReportJson })
            Assert.Equal(File.ReadAllText(Path.Combine(reference, report)), File.ReadAllText(Path.Combine(run, report)));
        Assert.Equal(Videos, File.ReadAllLines(Path.Combine(run, BatchFiles.ReportCsv)).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Each input's done.json by input name, with its last write time: a redone input gets a new one.</summary>
    private static Dictionary<string, DateTime> DoneMarkers(string run) =>
        !Directory.Exists(run) ? [] : Directory.GetDirectories(run)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Select(d => Path.Combine(d, BatchFiles.Done))
            .Where(File.Exists)
            .ToDictionary(f => Path.GetFileName(Path.GetDirectoryName(f)!), File.GetLastWriteTimeUtc);

    /// <summary>Inputs done before a run keep their done.json untouched, and the run never started them again.</summary>
    private static void AssertNotRedone(Dictionary<string, DateTime> before, Dictionary<string, DateTime> after, string output)
    {
        foreach (var (name, written) in before)
        {
            Assert.True(after.TryGetValue(name, out var now) && now == written, $"{name} was redone or lost:\n{output}");
            Assert.DoesNotMatch(new Regex($@"\] {Regex.Escape(name)}: done$", RegexOptions.Multiline), output);
        }
    }

    /// <summary>
    /// Every folder under a final name is a finished input (done.json, and its outputs whole) or a failed one
    /// (error.json alone); the batch files are whole; only .partial and temporary siblings may hold partial files.
    /// </summary>
    private static void AssertNothingPartialUnderAFinalName(string run)
    {
        if (!Directory.Exists(run)) return;
        foreach (var file in Directory.GetFiles(run).Where(f => !OutputFiles.IsTemporary(f))) OutputFiles.AssertUsable(file);
        foreach (var input in Directory.GetDirectories(run).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            Assert.True(File.Exists(Path.Combine(input, BatchFiles.Done)), $"'{input}' is under its final name without {BatchFiles.Done}: {string.Join(", ", Directory.GetFiles(input).Select(Path.GetFileName))}");
            foreach (var file in Directory.GetFiles(input))
            {
                Assert.False(OutputFiles.IsTemporary(file), $"temporary file '{file}' in a finished input");
                OutputFiles.AssertUsable(file);
            }
        }
    }
}
