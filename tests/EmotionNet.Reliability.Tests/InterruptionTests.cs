using EmotionNet.Core.Evaluation;
using EmotionNet.Reliability.Tests.Support;
using EmotionNet.Torch.Checkpoints;
using Xunit.Abstractions;

namespace EmotionNet.Reliability.Tests;

/// <summary>
/// Kills real training runs (the built emotionnet, a child process) with SIGKILL at seeded-random
/// moments and with SIGINT, and checks that what is on disk is always usable and --resume continues.
/// </summary>
[Collection("processes")]
public sealed class InterruptionTests(ITestOutputHelper log) : IDisposable
{
    // Long enough that six kills land before it ends even on an idle machine (where 40 epochs took
    // 14 s in all, so a run of 40 could finish between kills), short enough to finish in CI.
    private const int Epochs = 120;
    private const int SigintEpochs = 3;
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(300);
    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-interrupt-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    /// <summary>A cheap run on the embedded sample: 13 batches of 16 per epoch (well under a second), a tiny model, one thread.</summary>
    private static string[] TrainArgs(string run, bool resume, int epochs = Epochs) =>
        ["train", "--out", run, "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--conv-widths", "4,8", "--lstm-hidden", "8",
         "--threads", "1", "--seed", "3", "--device", "cpu", .. resume ? new[] { "--resume" } : []];

    [Fact]
    public async Task Sigkill_at_random_moments_never_leaves_an_unusable_file_and_resume_completes_the_run()
    {
        var run = Path.Combine(dir, "run");
        var random = new Random(20240611);
        var kills = 0;
        for (var attempt = 0; kills < 6 && attempt < 20; attempt++)
        {
            using var process = CliProcess.Start(TrainArgs(run, resume: File.Exists(Path.Combine(run, "last.ckpt"))));
            // From the start-up (loading libtorch) to late in the run: kills land in every phase.
            var delay = TimeSpan.FromMilliseconds(random.Next(1500, 7000));
            await Task.Delay(delay);
            if (process.HasExited)
            {
                log.WriteLine($"attempt {attempt}: finished before the kill at {delay.TotalSeconds:0.0} s (exit {process.ExitCode})");
                break;
            }
            process.KillHard();
            await process.WaitAsync(RunLimit);
            kills++;
            log.WriteLine($"attempt {attempt}: SIGKILL at {delay.TotalSeconds:0.0} s; on disk: {Describe(run)}");
            AssertEverythingOnDiskIsUsable(run);
        }
        Assert.True(kills >= 5, $"only {kills} kills landed while the run was going");

        using (var finish = CliProcess.Start(TrainArgs(run, resume: File.Exists(Path.Combine(run, "last.ckpt")))))
        {
            var code = await finish.WaitAsync(RunLimit);
            Assert.True(code == 0, finish.Output);
            StackTraces.AssertNone(finish.Output);
        }
        AssertEverythingOnDiskIsUsable(run);
        Assert.Empty(Directory.GetFiles(run, ".*.tmp*"));   // the resumed run removed what the kills left
        Assert.Equal(Epochs, Checkpoint.Load(Path.Combine(run, "last.ckpt")).Metadata.Epoch);
        Assert.Equal(Epochs + 1, File.ReadAllLines(Path.Combine(run, "epochs.csv")).Length);
        Assert.True(MetricsReport.Read(Path.Combine(run, "metrics.json")).Splits.ContainsKey("PublicTest"));
        foreach (var png in new[] { "confusion-matrix.png", "training-curves.png" }) Assert.True(File.Exists(Path.Combine(run, png)), png);
    }

    [Fact]
    public async Task Sigint_saves_the_last_checkpoint_exits_130_and_resume_continues_from_it()
    {
        var run = Path.Combine(dir, "run");
        var last = Path.Combine(run, "last.ckpt");
        using (var process = CliProcess.Start(TrainArgs(run, resume: false, SigintEpochs)))
        {
            // Interrupt once the first epoch is saved, i.e. during the second one.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(last) && !process.HasExited && waited.Elapsed < RunLimit) await Task.Delay(50);
            Assert.False(process.HasExited, process.Output);
            process.Interrupt();
            var code = await process.WaitAsync(RunLimit);
            log.WriteLine(process.Output);
            Assert.Equal(130, code);
            StackTraces.AssertNone(process.Output);
            Assert.Contains("--resume", process.Output, StringComparison.Ordinal);
        }
        var saved = Checkpoint.Load(last);
        Assert.True(saved.HasOptimizerState);
        Assert.InRange(saved.Metadata.Epoch, 1, SigintEpochs - 1);
        AssertEverythingOnDiskIsUsable(run);

        using var resumed = CliProcess.Start(TrainArgs(run, resume: true, SigintEpochs));
        Assert.Equal(0, await resumed.WaitAsync(RunLimit));
        Assert.Contains($"Resuming from {last}: {saved.Metadata.Epoch} epoch(s)", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(SigintEpochs, Checkpoint.Load(last).Metadata.Epoch);
        Assert.Equal(SigintEpochs + 1, File.ReadAllLines(Path.Combine(run, "epochs.csv")).Length);
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
