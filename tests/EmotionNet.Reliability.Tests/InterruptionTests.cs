using System.Globalization;
using System.Text.RegularExpressions;
using EmotionNet.Core.Evaluation;
using EmotionNet.Reliability.Tests.Support;
using EmotionNet.Torch.Checkpoints;
using Xunit.Abstractions;

namespace EmotionNet.Reliability.Tests;

/// <summary>
/// Kills real training runs (the built emotionnet, a child process) with SIGKILL at seeded-random
/// points and with SIGINT, and checks that what is on disk is always usable and --resume continues.
/// Each signal is sent once the run's output says it has reached a state (an epoch ended), so a loaded
/// machine only makes the test slower; a run that ends before its signal is redone with more epochs.
/// </summary>
[Collection("processes")]
[Trait("Category", "Slow")]
public sealed class InterruptionTests(ITestOutputHelper log) : IDisposable
{
    // Six kills, each at most two epochs further than the one before, stay well before the end.
    private const int Epochs = 24;
    private const int Kills = 6;
    private const int SigintEpochs = 3;
    // Each run is redone with twice the epochs when it ends before its signal, at most this often.
    private const int Redos = 4;
    // A guard against a hang only: no wait below relies on it.
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);
    private static readonly Regex EpochLine = new(@"^epoch\s+(\d+):", RegexOptions.Compiled);
    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-interrupt-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>A cheap run on the embedded sample: 13 batches of 16 per epoch (well under a second), a tiny model, one thread.</summary>
    private static string[] TrainArgs(string run, bool resume, int epochs) =>
        ["train", "--out", run, "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--conv-widths", "4,8", "--lstm-hidden", "8",
         "--threads", "1", "--seed", "3", "--device", "cpu", .. resume ? new[] { "--resume" } : []];

    private static Func<string, bool> EpochEnded(int epoch) => line => EpochLine.Match(line) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == epoch;

    [Fact]
    public async Task Sigkill_at_random_moments_never_leaves_an_unusable_file_and_resume_completes_the_run()
    {
        var random = new Random(20240611);
        for (var (epochs, redo) = (Epochs, 0); ; epochs *= 2, redo++)
        {
            Assert.True(redo <= Redos, $"every run ended before its kill, the last one with {epochs / 2} epochs");
            var run = Path.Combine(dir, $"run-{epochs}");
            if (await KillRepeatedly(run, epochs, random)) break;
            log.WriteLine($"a run of {epochs} epochs ended before its kill: again with {epochs * 2}");
        }
    }

    /// <summary>Kills at <see cref="Kills"/> points, then resumes to the end; false when a run ended before its kill.</summary>
    private async Task<bool> KillRepeatedly(string run, int epochs, Random random)
    {
        var last = Path.Combine(run, "last.ckpt");
        // Lengths of the phases, to spread the kills over them; measured on the runs below.
        var (startup, epochSpan) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5));
        for (var kill = 0; kill < Kills; kill++)
        {
            var done = File.Exists(last) ? Checkpoint.Load(last).Metadata.Epoch : 0;
            using var process = CliProcess.Start(TrainArgs(run, resume: done > 0, epochs));
            // Kill points in every phase: start-up (loading data, libtorch, the checkpoint to resume), or
            // somewhere in the epoch after epoch `target` ended (training, validation, checkpoint writes).
            string where;
            TimeSpan within;
            if (random.Next(4) == 0)
            {
                Assert.True(await process.WaitForLinesAsync(_ => true, RunLimit), process.Output);
                (where, within) = ("start-up", startup * random.NextDouble());
            }
            else
            {
                var target = done + random.Next(1, 3);
                if (!await process.WaitForLinesAsync(EpochEnded(target), RunLimit)) return await RanToTheEnd(process, epochs);
                var first = process.TimesOf(_ => true)[0];
                startup = process.TimesOf(EpochEnded(done + 1))[0] - first;
                if (process.TimesOf(EpochEnded(target - 1)) is [var before]) epochSpan = process.TimesOf(EpochEnded(target))[0] - before;
                (where, within) = ($"the epoch after epoch {target}", epochSpan * random.NextDouble());
            }
            await Task.Delay(within); // where in that phase the kill lands; the state above is what the test relies on
            process.KillHard();
            var code = await process.WaitAsync(RunLimit);
            if (code == 0) return await RanToTheEnd(process, epochs);
            Assert.True(code == 128 + 9, $"exit {code}, not SIGKILL's:\n{process.Output}");
            log.WriteLine($"kill {kill}: SIGKILL {within.TotalSeconds:0.00} s into {where}; on disk: {Describe(run)}");
            AssertEverythingOnDiskIsUsable(run);
        }

        using (var finish = CliProcess.Start(TrainArgs(run, resume: File.Exists(last), epochs)))
        {
            var code = await finish.WaitAsync(RunLimit);
            Assert.True(code == 0, finish.Output);
            StackTraces.AssertNone(finish.Output);
        }
        AssertEverythingOnDiskIsUsable(run);
        Assert.Empty(Directory.GetFiles(run, ".*.tmp*"));   // the resumed run removed what the kills left
        Assert.Equal(epochs, Checkpoint.Load(last).Metadata.Epoch);
        Assert.Equal(epochs + 1, File.ReadAllLines(Path.Combine(run, "epochs.csv")).Length);
        Assert.True(MetricsReport.Read(Path.Combine(run, "metrics.json")).Splits.ContainsKey("PublicTest"));
        foreach (var png in new[] { "confusion-matrix.png", "training-curves.png" }) Assert.True(File.Exists(Path.Combine(run, png)), png);
        return true;
    }

    /// <summary>A run that ended before its signal must have ended well: it trained every epoch.</summary>
    private async Task<bool> RanToTheEnd(CliProcess process, int epochs)
    {
        Assert.True(await process.WaitAsync(RunLimit) == 0, process.Output);
        Assert.Contains($"epoch {epochs,3}:", process.Output, StringComparison.Ordinal);
        log.WriteLine(process.Output);
        return false;
    }

    [Fact]
    public async Task Sigint_saves_the_last_checkpoint_exits_130_and_resume_continues_from_it()
    {
        for (var (epochs, redo) = (SigintEpochs, 0); ; epochs *= 2, redo++)
        {
            Assert.True(redo <= Redos, $"every run trained all its epochs before its SIGINT arrived, the last one {epochs / 2}");
            var run = Path.Combine(dir, $"run-{epochs}");
            var last = Path.Combine(run, "last.ckpt");
            using (var process = CliProcess.Start(TrainArgs(run, resume: false, epochs)))
            {
                // Interrupt once the first epoch is saved (its line is printed after last.ckpt is written).
                Assert.True(await process.WaitForLinesAsync(EpochEnded(1), RunLimit), process.Output);
                process.Interrupt();
                var code = await process.WaitAsync(RunLimit);
                log.WriteLine(process.Output);
                if (Checkpoint.Load(last).Metadata.Epoch == epochs)
                {
                    // The signal came after the last epoch's checkpoint: nothing left to resume. Not a pass: more work.
                    log.WriteLine($"the run of {epochs} epochs trained them all before the SIGINT arrived (exit {code}): again with {epochs * 2}");
                    continue;
                }
                Assert.Equal(130, code);
                StackTraces.AssertNone(process.Output);
                Assert.Contains("--resume", process.Output, StringComparison.Ordinal);
            }
            var saved = Checkpoint.Load(last);
            Assert.True(saved.HasOptimizerState);
            Assert.InRange(saved.Metadata.Epoch, 1, epochs - 1);
            AssertEverythingOnDiskIsUsable(run);

            using var resumed = CliProcess.Start(TrainArgs(run, resume: true, epochs));
            Assert.True(await resumed.WaitAsync(RunLimit) == 0, resumed.Output);
            Assert.Contains($"Resuming from {last}: {saved.Metadata.Epoch} epoch(s)", resumed.Output, StringComparison.Ordinal);
            Assert.Equal(epochs, Checkpoint.Load(last).Metadata.Epoch);
            Assert.Equal(epochs + 1, File.ReadAllLines(Path.Combine(run, "epochs.csv")).Length);
            return;
        }
    }

    /// <summary>Every file under a final name is complete: checkpoints load, JSON parses, CSV rows are whole, PNGs decode.</summary>
    private static void AssertEverythingOnDiskIsUsable(string run)
    {
        if (!Directory.Exists(run)) return;
        foreach (var file in Directory.GetFiles(run).Where(f => !OutputFiles.IsTemporary(f))) OutputFiles.AssertUsable(file);
    }

    private static string Describe(string run)
    {
        if (!Directory.Exists(run)) return "(nothing)";
        var last = Path.Combine(run, "last.ckpt");
        var epoch = File.Exists(last) ? $" (last.ckpt at epoch {Checkpoint.Load(last).Metadata.Epoch})" : "";
        return string.Join(", ", Directory.GetFiles(run).Select(Path.GetFileName).Order()) + epoch;
    }
}
