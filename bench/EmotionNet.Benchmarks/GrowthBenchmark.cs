using System.Diagnostics;
using EmotionNet.Core.Data;
using EmotionNet.Core.Models;
using EmotionNet.Torch.Models;
using EmotionNet.Training.Data;
using EmotionNet.Training.Engine;
using EmotionNet.Training.MixedPrecision;
using EmotionNet.Training.Optimization;
using EmotionNet.Training.Options;
using static TorchSharp.torch;

namespace EmotionNet.Benchmarks;

/// <summary>
/// Seconds per training epoch against the training-set size: the trainer's step and loader
/// (augmentation, 1 worker, shuffled, last partial batch dropped), bf16, T = 1, without validation.
/// </summary>
internal static class GrowthBenchmark
{
    public static string Run(Args args, string path)
    {
        var sizes = args.Ints("--sizes", [1000, 2000, 4000, 8000, 16000]);
        var epochs = args.Int("--epochs", 2);
        var section = new Section(args.Command);
        var all = Fer2013Reader.Read(path);
        var run = new TrainingOptions { Precision = Precision.Bf16 };
        var loaderOptions = new ClipLoaderOptions
        {
            BatchSize = run.BatchSize, SequenceLength = run.SequenceLength, Shuffle = true, Augmentation = run.Augmentation,
            Seed = run.Seed, Workers = run.DataWorkers, DropLast = true,
        };

        var rows = new List<(int Clips, int Batches, List<double> Seconds)>();
        // Warm-up on a few batches so the first size does not pay for thread pools and kernel selection.
        Epoch(all.Training.Subset(4 * run.BatchSize, 1), run, loaderOptions, 0);
        foreach (var size in sizes)
        {
            var set = all.Training.Subset(size, 1);
            var seconds = new List<double>();
            for (var e = 1; e <= epochs; e++) seconds.Add(Epoch(set, run, loaderOptions, e));
            rows.Add((set.Count, ClipBatchLoader.BatchCount(set.Count, loaderOptions), seconds));
            Console.WriteLine($"  {set.Count} clips: {Stats.Summary(seconds, "s/epoch", "F2")}");
        }

        // Least squares of the median seconds on the frames actually trained (whole batches).
        var x = rows.Select(r => (double)r.Batches * run.BatchSize).ToArray();
        var y = rows.Select(r => Stats.Median(r.Seconds)).ToArray();
        var (slope, intercept, r2) = Fit(x, y);
        section.Line($"Training epochs without validation through `TrainingStep` (the trainer's step) and `ClipBatchLoader` (augmentation, 1 worker, shuffled, partial batch dropped), bf16, batch 128, T = 1, " +
                     $"on stratified subsets of Training; a fresh model per size, {epochs} epoch(s) each, after a 4-batch warm-up. Fit: seconds = {intercept:F2} + {slope * 1000:F3} ms x faces, R^2 = {r2:F4}.")
               .Line()
               .Header("faces", "trained per epoch (whole batches)", "seconds per epoch, median (min-max, n)", "ms per face", "fit", "residual");
        for (var i = 0; i < rows.Count; i++)
        {
            var predicted = intercept + slope * x[i];
            section.Row(rows[i].Clips.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), x[i].ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                Stats.Cell(rows[i].Seconds, "F2"), Stats.F(y[i] / x[i] * 1000, "F3"), Stats.F(predicted, "F2"), $"{(y[i] - predicted) / predicted:+0.0%;-0.0%}");
        }
        return section.Render();
    }

    private static double Epoch(FaceClipSet set, TrainingOptions run, ClipLoaderOptions loaderOptions, int epoch)
    {
        using var outer = NewDisposeScope();
        random.manual_seed(run.Seed);
        using var model = new EmotionNetModel(new ModelConfig());
        model.train();
        var optimizer = Optimizers.Create(model, run);
        using var mixed = new MixedPrecisionModel(model, CPU);
        var step = new TrainingStep(model, mixed, optimizer, run, null);
        var sw = Stopwatch.StartNew();
        foreach (var batch in ClipBatchLoader.Batches(set, loaderOptions, epoch))
        {
            using (batch)
            using (NewDisposeScope())
            {
                var (loss, logits) = step.Run(batch.Inputs, batch.Labels, run.LearningRate);
                _ = logits.argmax(1).eq(batch.Labels).sum().cpu().item<long>();
                _ = loss.cpu().item<float>();
            }
        }
        return sw.Elapsed.TotalSeconds;
    }

    private static (double Slope, double Intercept, double R2) Fit(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxy = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        var sxx = x.Sum(v => (v - mx) * (v - mx));
        var slope = sxy / sxx;
        var intercept = my - slope * mx;
        var ssRes = x.Zip(y).Sum(p => Math.Pow(p.Second - (intercept + slope * p.First), 2));
        var ssTot = y.Sum(v => (v - my) * (v - my));
        return (slope, intercept, 1 - ssRes / ssTot);
    }
}
