using System.Diagnostics;
using EmotionNet.Core.Data;
using EmotionNet.Core.Models;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Options;

namespace EmotionNet.Benchmarks;

/// <summary>Peak resident memory of a full-data training run through the real <see cref="Trainer"/>, next to the loaded data set's size.</summary>
internal static class MemoryBenchmark
{
    public static string Run(Args args, string path)
    {
        var epochs = args.Int("--epochs", 1);
        // --clips bounds the training set for a quick check; the documented figure uses all of it.
        int? clips = args.Text("--clips") is null ? null : args.Int("--clips", 0);
        var section = new Section(args.Command);
        var start = ProcessMemory.Read("VmRSS");
        var data = Fer2013Reader.Read(path);
        GC.Collect();
        var setBytes = data.Training.SizeInBytes + data.PublicTest.SizeInBytes + data.PrivateTest.SizeInBytes;
        var afterLoad = ProcessMemory.Read("VmRSS");
        var loadPeak = ProcessMemory.Read("VmHWM");
        var reset = ProcessMemory.ResetPeak();

        // Sampled too, in case the kernel refuses the peak reset.
        var sampled = afterLoad;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                sampled = Math.Max(sampled, ProcessMemory.Read("VmRSS"));
                try { await Task.Delay(100, stop.Token); } catch (OperationCanceledException) { break; }
            }
        });
        var dir = Directory.CreateTempSubdirectory("emotionnet-bench-memory-").FullName;
        var sw = Stopwatch.StartNew();
        TrainingResult result;
        try
        {
            var options = new TrainingOptions { Epochs = epochs, Precision = Precision.Bf16, Threads = args.Int("--threads", 0), MaxTrainRows = clips };
            result = new Trainer(new ModelConfig(), options).Fit(data, dir);
        }
        finally
        {
            stop.Cancel();
            sampler.Wait();
            Directory.Delete(dir, recursive: true);
        }
        var seconds = sw.Elapsed.TotalSeconds;
        var trainingPeak = ProcessMemory.Read("VmHWM");
        section.Line($"One process: load all of `{Path.GetFileName(path)}`, then `Trainer.Fit` on {(clips is null ? "the full Training split" : $"a stratified subset ({clips:N0} faces; --clips) of the Training split")} ({data.Training.Count:N0} faces), " +
                     $"{epochs} epoch(s), bf16, batch 128, T = 1, default options, with its validation on PublicTest and its final report (best model on a 5,000-face Training sample, PublicTest and PrivateTest, metrics.json, plots). " +
                     $"RSS from `/proc/self/status`; the peak during training is VmHWM after resetting it once the data were loaded{(reset ? "" : " (the kernel refused the reset: it is the whole process's peak)")}, checked against VmRSS sampled every 100 ms. The run took {seconds:F0} s; training {result.Epochs.Average(e => e.FramesPerSecond):F0} frames/s.")
               .Line()
               .Header("measure", "MB")
               .Row("loaded data set, `FaceClipSet.SizeInBytes` of the three splits", $"**{setBytes / 1e6:F1}**")
               .Row("RSS at start (runtime, libtorch loaded)", Stats.F(start, "F0"))
               .Row("RSS after loading the data", Stats.F(afterLoad, "F0"))
               .Row("peak RSS while loading (VmHWM before the reset)", Stats.F(loadPeak, "F0"))
               .Row("**peak RSS of the training run** (VmHWM)", $"**{trainingPeak:F0}**")
               .Row("peak of VmRSS sampled every 100 ms during the run", Stats.F(sampled, "F0"))
               .Row("managed heap at the end", Stats.F(GC.GetTotalMemory(true) / 1e6, "F0"));
        return section.Render();
    }
}
