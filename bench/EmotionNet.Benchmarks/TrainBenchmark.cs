using System.Diagnostics;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Torch.Models;
using EmotionNet.Training.Engine;
using EmotionNet.Training.MixedPrecision;
using EmotionNet.Training.Optimization;
using EmotionNet.Training.Options;
using static TorchSharp.torch;

namespace EmotionNet.Benchmarks;

/// <summary>
/// Frames per second of whole training steps (forward, loss, backward, clipping, AdamW) of the
/// default model at batch 128, T = 1 and 4, fp32 and bf16, through <see cref="TrainingStep"/>,
/// the code the trainer runs; against the matmul peak measured in the same run; with the bf16
/// step broken down by phase.
/// </summary>
internal static class TrainBenchmark
{
    private const int BatchSize = 128;

    /// <summary>The variant with the conv stack in NCHW order, as before channels-last: the "before" of the optimization.</summary>
    public const string Nchw = "nchw";

    public sealed record Result(Precision Precision, int T, List<double> FramesPerSecond, StepProfiler Profile, string Variant = "");

    public static string Run(Args args)
    {
        var runs = args.Int("--runs", 5);
        var lengths = args.Ints("--seq-lens", [1, 4]);
        var section = new Section(args.Command);
        var config = new ModelConfig();

        var peak32 = MatmulPeak.Measure(ScalarType.Float32, runs);
        var peak16 = MatmulPeak.Measure(ScalarType.BFloat16, runs);
        section.Line($"Default model (`ModelConfig` defaults, {CountParameters(config):N0} parameters), batch {BatchSize}, synthetic N(0,1) inputs of shape ({BatchSize}, T, 1, 48, 48) and random labels, default `TrainingOptions` (AdamW, label smoothing 0.1, gradient clip 5). " +
                     $"Each repeat times {StepsPerRepeat(1)} steps at T = 1 and {StepsPerRepeat(4)} at T = 4 after 2 warm-up steps, through `TrainingStep.Run` (the trainer's step) plus the trainer's per-step metric read-back; {runs} repeats. " +
                     $"Model FLOPs counted from the architecture (`ModelFlops`): forward {ModelFlops.ForwardPerFrame(config, 1) / 1e6:F0} MFLOP per frame, training taken as 3x forward.")
               .Line()
               .Header("matmul peak, `torch.mm` 2048x2048", "GFLOP/s, median (min-max, n)")
               .Row("fp32", Stats.Cell(peak32, "F0"))
               .Row("bf16", Stats.Cell(peak16, "F0"))
               .Line();

        // The "before" of the channels-last change is measured at T = 1 beside the shipped layout (skip with --no-before).
        var before = Array.IndexOf(args.Raw, "--no-before") < 0;
        var all = new List<Result>();
        foreach (var t in lengths)
        {
            var variants = before && t == lengths[0] ? new[] { "", Nchw } : [""];
            var setups = variants.SelectMany(variant => new[] { (Precision.Fp32, t, variant), (Precision.Bf16, t, variant) }).ToList();
            foreach (var result in Measure(config, setups, runs))
            {
                Console.WriteLine($"  T={t} {result.Precision} {result.Variant}: {Stats.Summary(result.FramesPerSecond, "frames/s", "F0")}");
                all.Add(result);
            }
        }
        var results = all.Where(r => r.Variant == "").ToList();

        section.Header("T", "precision", "frames/s, median (min-max, n)", "ms per step", "achieved GFLOP/s", "of the matmul peak", "bf16 / fp32");
        foreach (var r in results)
        {
            var fps = Stats.Median(r.FramesPerSecond);
            var gflops = fps * ModelFlops.TrainingPerFrame(config, r.T) / 1e9;
            var peak = Stats.Median(r.Precision == Precision.Bf16 ? peak16 : peak32);
            var fp32 = results.First(x => x.T == r.T && x.Precision == Precision.Fp32);
            var ratio = r.Precision == Precision.Bf16 ? $"**{fps / Stats.Median(fp32.FramesPerSecond):F2}x** (goal 1.8x)" : "";
            section.Row(r.T.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Precision.ToString().ToLowerInvariant(), Stats.Cell(r.FramesPerSecond, "F0"),
                Stats.F(BatchSize * r.T / fps * 1000, "F0"), Stats.F(gflops, "F0"), $"{gflops / peak:P0}", ratio);
        }
        section.Line();

        if (all.Any(r => r.Variant == Nchw))
        {
            var t = lengths[0];
            double Fps(Precision p, string v) => Stats.Median(all.First(r => r.T == t && r.Precision == p && r.Variant == v).FramesPerSecond);
            section.Line($"Before and after the channels-last conv stack, T = {t}, measured in the same run with the repeats interleaved (frames/s, median (min-max, n)):").Line()
                   .Header("conv stack memory order", "fp32", "bf16", "bf16 / fp32");
            foreach (var (v, label) in new[] { (Nchw, "NCHW (before)"), ("", "channels-last (now)") })
                section.Row(label, Stats.Cell(all.First(r => r.T == t && r.Precision == Precision.Fp32 && r.Variant == v).FramesPerSecond, "F0"),
                    Stats.Cell(all.First(r => r.T == t && r.Precision == Precision.Bf16 && r.Variant == v).FramesPerSecond, "F0"), $"{Fps(Precision.Bf16, v) / Fps(Precision.Fp32, v):F2}x");
            section.Row("speedup", $"**{Fps(Precision.Fp32, "") / Fps(Precision.Fp32, Nchw):F2}x**", $"**{Fps(Precision.Bf16, "") / Fps(Precision.Bf16, Nchw):F2}x**", "").Line();
        }

        var layers = LayerProfile.Measure(config, BatchSize, runs);
        section.Line($"The conv stack layer by layer: standalone layers of the model's sizes, batch {BatchSize} frames, channels-last, forward + backward, ms, median of {runs}:").Line()
               .Header("block", "convolutions fp32", "bf16", "speedup", "BatchNorm + ReLU + max pool fp32", "bf16", "speedup");
        foreach (var l in layers)
            section.Row(l.Block, Stats.F(l.Conv32), Stats.F(l.Conv16), $"{l.Conv32 / l.Conv16:F2}x", Stats.F(l.Elementwise32), Stats.F(l.Elementwise16), $"{l.Elementwise32 / l.Elementwise16:F2}x");
        double Sum(Func<LayerProfile.Row, double> f) => layers.Sum(f);
        section.Row("**all**", Stats.F(Sum(l => l.Conv32)), Stats.F(Sum(l => l.Conv16)), $"**{Sum(l => l.Conv32) / Sum(l => l.Conv16):F2}x**",
                Stats.F(Sum(l => l.Elementwise32)), Stats.F(Sum(l => l.Elementwise16)), $"**{Sum(l => l.Elementwise32) / Sum(l => l.Elementwise16):F2}x**")
               .Line()
               .Line($"In bf16 the elementwise layers take {Sum(l => l.Elementwise16) / (Sum(l => l.Elementwise16) + Sum(l => l.Conv16)):P0} of the conv stack's time (fp32: {Sum(l => l.Elementwise32) / (Sum(l => l.Elementwise32) + Sum(l => l.Conv32)):P0}).")
               .Line();

        foreach (var t in lengths)
        {
            var fp32 = results.First(x => x.T == t && x.Precision == Precision.Fp32);
            var bf16 = results.First(x => x.T == t && x.Precision == Precision.Bf16);
            section.Line($"Where a step's time goes at T = {t} (ms per step, median over the {bf16.Profile.Steps.Count} timed steps, min-max):").Line()
                   .Header("phase", "fp32 ms", "bf16 ms", "bf16 share");
            var bf16Total = Stats.Median(bf16.Profile.TotalMilliseconds());
            for (var i = 0; i < StepProfiler.Names.Length; i++)
            {
                var b = bf16.Profile.Milliseconds(i);
                section.Row(StepProfiler.Names[i], Stats.Cell(fp32.Profile.Milliseconds(i), "F1", bold: false), Stats.Cell(b, "F1", bold: false), $"{Stats.Median(b) / bf16Total:P1}");
            }
            section.Row("**whole step**", Stats.Cell(fp32.Profile.TotalMilliseconds(), "F0"), Stats.Cell(bf16.Profile.TotalMilliseconds(), "F0"), "100 %").Line();
            section.Line(Explain(fp32.Profile, bf16.Profile, t)).Line();
        }
        return section.Render();
    }

    /// <summary>Amdahl's law on the measured phases: how far bf16's compute speedup is diluted by the fixed costs around it.</summary>
    private static string Explain(StepProfiler fp32, StepProfiler bf16, int t)
    {
        int Index(StepPhase p) => (int)p;
        double Phase(StepProfiler p, params StepPhase[] phases) => phases.Sum(x => Stats.Median(p.Milliseconds(Index(x))));
        var compute32 = Phase(fp32, StepPhase.Forward, StepPhase.Backward);
        var compute16 = Phase(bf16, StepPhase.Forward, StepPhase.Backward);
        var all = Enum.GetValues<StepPhase>();
        // Sums of per-phase medians, so the parts add up to the whole.
        var total16 = Phase(bf16, all) + Stats.Median(bf16.Milliseconds(StepProfiler.Names.Length - 1));
        var total32 = Phase(fp32, all) + Stats.Median(fp32.Milliseconds(StepProfiler.Names.Length - 1));
        var overhead16 = total16 - compute16;
        var mixedOnly = Phase(bf16, StepPhase.WeightCopy, StepPhase.BufferCopyIn, StepPhase.GradientCopy, StepPhase.BufferCopyOut) - Phase(fp32, StepPhase.WeightCopy);
        var capped = total32 / (total32 - compute32 + compute16);
        return $"At T = {t}: forward + backward take {compute32:F0} ms in fp32 and {compute16:F0} ms in bf16, a {compute32 / compute16:F2}x speedup of the compute alone. " +
               $"Everything else costs {overhead16:F0} ms per bf16 step ({overhead16 / total16:P0} of it), of which {mixedOnly:F1} ms are the mixed-precision copies " +
               $"(weights in, gradients out, BatchNorm statistics both ways). With the fp32 step's other costs unchanged, the compute speedup alone would give {capped:F2}x; measured {total32 / total16:F2}x.";
    }

    public static int StepsPerRepeat(int t) => Math.Max(2, 6 / t);

    /// <summary>
    /// Every configuration set up first, then their repeats interleaved (A B A B ...), so a burst of
    /// load from other processes hits all of them alike and the ratios stay fair.
    /// </summary>
    public static List<Result> Measure(ModelConfig config, IReadOnlyList<(Precision Precision, int T, string Variant)> setups, int runs)
    {
        using var outer = NewDisposeScope();
        var rigs = setups.Select(s => new Rig(config, s.Precision, s.T, s.Variant)).ToList();
        try
        {
            foreach (var rig in rigs)
                for (var i = 0; i < 2; i++) Step(rig.Step, rig.Inputs, rig.Labels, new StepProfiler(), i);
            for (var r = 0; r < runs; r++)
                foreach (var rig in rigs)
                {
                    var steps = StepsPerRepeat(rig.T);
                    var sw = Stopwatch.StartNew();
                    for (var i = 0; i < steps; i++) Step(rig.Step, rig.Inputs, rig.Labels, rig.Profiler, i);
                    rig.FramesPerSecond.Add(steps * BatchSize * rig.T / sw.Elapsed.TotalSeconds);
                }
            return rigs.Select(r => new Result(r.Precision, r.T, r.FramesPerSecond, r.Profiler, r.Variant)).ToList();
        }
        finally
        {
            foreach (var rig in rigs) rig.Dispose();
        }
    }

    /// <summary>A model, its optimizer and a batch, ready to step.</summary>
    private sealed class Rig : IDisposable
    {
        private readonly EmotionNetModel model;
        private readonly MixedPrecisionModel? mixed;

        public Rig(ModelConfig config, Precision precision, int t, string variant)
        {
            (Precision, T, Variant) = (precision, t, variant);
            random.manual_seed(42);
            model = new EmotionNetModel(config, channelsLast: variant != Nchw);
            model.train();
            var run = new TrainingOptions { Precision = precision, SequenceLength = t, BatchSize = BatchSize };
            var optimizer = Optimizers.Create(model, run);
            mixed = precision == Precision.Bf16 ? new MixedPrecisionModel(model, CPU) : null;
            Step = new TrainingStep(model, mixed, optimizer, run, null);
            Inputs = randn([BatchSize, t, 1, FaceImage.Side, FaceImage.Side]);
            Labels = randint(0, config.NumClasses, [BatchSize]);
        }

        public Precision Precision { get; }
        public int T { get; }
        public string Variant { get; }
        public TrainingStep Step { get; }
        public Tensor Inputs { get; }
        public Tensor Labels { get; }
        public List<double> FramesPerSecond { get; } = [];
        public StepProfiler Profiler { get; } = new();

        public void Dispose()
        {
            mixed?.Dispose();
            model.Dispose();
        }
    }

    /// <summary>One step as <c>Trainer.TrainEpoch</c> runs it, minus the loader: seed, step, read loss and accuracy back.</summary>
    private static void Step(TrainingStep step, Tensor inputs, Tensor labels, StepProfiler profiler, int index)
    {
        random.manual_seed(index);
        profiler.Begin();
        using (NewDisposeScope())
        {
            var (loss, logits) = step.Run(inputs, labels, 1e-3, observer: profiler);
            _ = logits.argmax(1).eq(labels).sum().cpu().item<long>();
            _ = loss.cpu().item<float>();
        }
        profiler.End();
    }

    private static long CountParameters(ModelConfig config)
    {
        using var model = new EmotionNetModel(config);
        return model.ParameterCount;
    }
}
