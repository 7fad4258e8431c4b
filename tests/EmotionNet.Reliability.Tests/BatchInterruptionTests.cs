using System.Globalization;
using System.Text.RegularExpressions;
using EmotionNet.Inference.Batch;
using EmotionNet.Reliability.Tests.Support;
using EmotionNet.TestSupport;
using Xunit.Abstractions;

namespace EmotionNet.Reliability.Tests;

/// <summary>
/// Kills a real batch analysis (the built emotionnet over several generated videos, a child process)
/// with SIGKILL at seeded-random points, reruns it each time, and checks what the batch promises:
/// nothing half-written under a final name, finished inputs never redone, and in the end the same
/// report as a run that was never interrupted. Each kill waits for the state the run's output reports
/// (so many inputs done), so a loaded machine only makes the test slower; a run that ends before its
/// kill is not a pass: the batch starts over (all inputs to do again) with the kills drawn earlier.
/// </summary>
[Collection("processes")]
[Trait("Category", "Slow")]
public sealed class BatchInterruptionTests(ITestOutputHelper log) : IDisposable
{
    private const int Videos = 8;
    private const int Kills = 5;
    private const int Attempts = 20;
    // A guard against a hang only: no wait below relies on it.
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);
    // A done.json time no run writes: an input redone would get a new one.
    private static readonly DateTime Stamp = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Regex DoneLine = new(@"\] .+: done\s*$", RegexOptions.Compiled);
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

        // The uninterrupted run: the reference report, and how long start-up and an input take, to
        // spread the kills over a run (start-up and first input, then each input after the first).
        var reference = Path.Combine(dir, "reference");
        TimeSpan startup, perInput;
        using (var once = CliProcess.Start(AnalyzeArgs(videos, reference)))
        {
            Assert.True(await once.WaitAsync(RunLimit) == 0, once.Output);
            var done = once.TimesOf(DoneLine.IsMatch);
            Assert.True(done.Count == Videos, once.Output);
            (startup, perInput) = (done[0], (done[^1] - done[0]) / (Videos - 1));
        }
        log.WriteLine($"uninterrupted run: first input done at {startup.TotalSeconds:0.0} s, then {perInput.TotalSeconds:0.00} s an input");

        var run = Path.Combine(dir, "run");
        var random = new Random(19);
        var kills = 0;
        for (var attempt = 0; kills < Kills; attempt++)
        {
            Assert.True(attempt < Attempts, $"only {kills} kills landed in {Attempts} runs: the others ended before their kill");
            StampDoneMarkers(run);
            var doneBefore = DoneMarkers(run);
            using var process = CliProcess.Start(AnalyzeArgs(videos, run));
            // The state: this run has finished `inputs` inputs (0: it started). Then the kill lands somewhere in the next one.
            var inputs = random.Next(0, Videos - doneBefore.Count);
            var within = (inputs == 0 ? startup : perInput) * random.NextDouble();
            if (inputs == 0 || await process.WaitForLinesAsync(DoneLine.IsMatch, RunLimit, inputs))
            {
                await Task.Delay(within); // where in that input the kill lands; the state above is what the test relies on
                process.KillHard();
            }
            var code = await process.WaitAsync(RunLimit);
            if (code == 0)
            {
                // The run finished before its kill: not a pass. Start the batch over, so there is all of it
                // to do again, with kills drawn earlier (this machine is faster now than in the reference run).
                Assert.Contains($"{Videos - doneBefore.Count} analyzed, {doneBefore.Count} done earlier, 0 failed, 0 pending", process.Output, StringComparison.Ordinal);
                log.WriteLine($"attempt {attempt}: finished before the kill {within.TotalSeconds:0.00} s after {inputs} input(s); starting the batch over with shorter times");
                (startup, perInput) = (startup / 2, perInput / 2);
                Directory.Delete(run, recursive: true);
                continue;
            }
            Assert.True(code == 128 + 9, $"exit {code}, not SIGKILL's:\n{process.Output}");
            kills++;
            AssertNothingPartialUnderAFinalName(run);
            AssertNotRedone(doneBefore, DoneMarkers(run), process.Output);
            log.WriteLine($"attempt {attempt}: SIGKILL {within.TotalSeconds:0.00} s after {inputs} input(s) of this run; done: {DoneMarkers(run).Count} of {Videos}" +
                $"{(Directory.Exists(Path.Combine(run, BatchFiles.Staging)) ? ", .partial left" : "")}");
        }

        StampDoneMarkers(run);
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

    /// <summary>Each input's done.json by input name, with its last write time.</summary>
    private static Dictionary<string, DateTime> DoneMarkers(string run) =>
        !Directory.Exists(run) ? [] : Directory.GetDirectories(run)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Select(d => Path.Combine(d, BatchFiles.Done))
            .Where(File.Exists)
            .ToDictionary(f => Path.GetFileName(Path.GetDirectoryName(f)!), File.GetLastWriteTimeUtc);

    /// <summary>Sets every done.json's time to <see cref="Stamp"/>: a rewrite shows however soon it comes (no clock's resolution hides it).</summary>
    private static void StampDoneMarkers(string run)
    {
        foreach (var name in DoneMarkers(run).Keys) File.SetLastWriteTimeUtc(Path.Combine(run, name, BatchFiles.Done), Stamp);
    }

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
