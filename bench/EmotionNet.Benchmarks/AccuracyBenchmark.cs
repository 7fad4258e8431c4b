using System.Diagnostics;
using EmotionNet.Core.Data;
using EmotionNet.Core.Models;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Options;

namespace EmotionNet.Benchmarks;

/// <summary>
/// "At equal accuracy": the same short run through the real <see cref="Trainer"/> in fp32 and in
/// bf16 (same seed, same stratified subset of Training, same schedule), scored on PublicTest.
/// </summary>
internal static class AccuracyBenchmark
{
    public static string Run(Args args, string path)
    {
        var clips = args.Int("--clips", 6000);
        var epochs = args.Int("--epochs", 3);
        var section = new Section(args.Command);
        var all = Fer2013Reader.Read(path);
        var training = all.Training.Subset(clips, 1);
        // No PrivateTest: it is never used for decisions, and scoring it would only lengthen the check.
        var data = new FaceDataSplits(training, all.PublicTest, FaceClipSet.Empty(all.Training.Classes, "none"), all.Report);

        var rows = new List<(Precision Precision, TrainingResult Result, double Seconds)>();
        foreach (var precision in new[] { Precision.Fp32, Precision.Bf16 })
        {
            var dir = Directory.CreateTempSubdirectory("emotionnet-bench-accuracy-").FullName;
            try
            {
                var options = new TrainingOptions { Epochs = epochs, Precision = precision, Threads = args.Int("--threads", 0) };
                var sw = Stopwatch.StartNew();
                var result = new Trainer(new ModelConfig(), options).Fit(data, dir);
                rows.Add((precision, result, sw.Elapsed.TotalSeconds));
                Console.WriteLine($"  {precision}: PublicTest {result.Epochs[^1].ValidationAccuracy:P2} after {epochs} epochs, {sw.Elapsed.TotalSeconds:F0} s");
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        var n = all.PublicTest.Count;
        section.Line($"`Trainer.Fit` with default options (seed 42, AdamW, one-cycle over the run, label smoothing 0.1, augmentation, batch 128, T = 1) except `--epochs {epochs}`, " +
                     $"on a stratified subset of {training.Count:N0} Training faces; accuracy on all {n:N0} PublicTest faces, flip-averaged, after the last epoch. Only the precision differs.")
               .Line()
               .Header("precision", "PublicTest accuracy, last epoch", "best epoch's", "training loss, last epoch", "training frames/s per epoch (real loader), median (min-max, n)", "wall time of the run")
               ;
        foreach (var (precision, result, seconds) in rows)
        {
            var last = result.Epochs[^1];
            section.Row(precision.ToString().ToLowerInvariant(), $"**{last.ValidationAccuracy:P2}**", $"{result.Epochs.Max(e => e.ValidationAccuracy):P2}",
                Stats.F(last.TrainLoss, "F3"), Stats.Cell(result.Epochs.Select(e => e.FramesPerSecond).ToList(), "F0"), $"{seconds:F0} s");
        }
        var a = rows[0].Result.Epochs[^1].ValidationAccuracy;
        var b = rows[1].Result.Epochs[^1].ValidationAccuracy;
        var standardError = Math.Sqrt((a * (1 - a)) / n);
        section.Line()
               .Line($"bf16 minus fp32: **{(b - a) * 100:+0.00;-0.00} points**; one binomial standard error of an accuracy on {n:N0} faces is {standardError * 100:F2} points, " +
                     $"so a difference within about {2 * standardError * 100:F1} points is noise. Per-epoch figures include validation in the wall time, not in frames/s.");
        return section.Render();
    }
}
