using System.Diagnostics;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Samples;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Data;

namespace EmotionNet.Benchmarks;

/// <summary>Throughput of the batch loader with augmentation, 1 worker, at T=1 and T=8.</summary>
internal static class AugmentBenchmark
{
    public static string Run(string path, int runs, string command)
    {
        NativeRuntime.EnsureTorch();
        var section = new Section(command);
        var rows = new List<(string What, int T, List<double> Rates)>();
        var set = File.Exists(path) ? Fer2013Reader.Read(path).Training.Subset(8192, 1) : SampleData.Load(ClassSet.Fer7).Training;
        Console.WriteLine($"augment: {set.Count} clips from {set.Source}, {runs} runs, {Environment.ProcessorCount} cores");
        foreach (var t in new[] { 1, 8 })
        {
            foreach (var workers in new[] { 0, 1 })
            {
                var options = new ClipLoaderOptions { SequenceLength = t, Shuffle = true, Augmentation = PseudoSequenceOptions.Default, Workers = workers, Seed = 1 };
                var framesPerSecond = new List<double>();
                for (var r = 0; r < runs; r++)
                {
                    var sw = Stopwatch.StartNew();
                    var clips = 0;
                    foreach (var batch in ClipBatchLoader.Batches(set, options, r))
                        using (batch) clips += batch.Count;
                    framesPerSecond.Add(clips * t / sw.Elapsed.TotalSeconds);
                }
                var label = workers == 0 ? "on the consuming thread" : "1 background worker    ";
                Console.WriteLine($"  T={t}, {label}: {Stats.Summary(framesPerSecond, "frames/s", "F0")}; clips/s = frames/s / {t}");
                rows.Add((workers == 0 ? "loader, built on the consuming thread (`Workers = 0`)" : "loader, 1 background worker", t, framesPerSecond));
            }
        }

        // The generator alone, one thread: the cost the model must never wait for; the real-photo recipe too.
        foreach (var (name, recipe) in new[] { ("default", PseudoSequenceOptions.Default), ("real-photos", PseudoSequenceOptions.RealPhotos) })
        {
            var generator = new PseudoSequenceGenerator(recipe);
            foreach (var t in new[] { 1, 8 })
            {
                var destination = new byte[t * FaceImage.FrameBytes];
                var indices = new int[t];
                var rates = new List<double>();
                for (var r = 0; r < runs; r++)
                {
                    var sw = Stopwatch.StartNew();
                    for (var clip = 0; clip < set.Count; clip++)
                    {
                        ClipFrames.Sample(set.FrameCount(clip), indices);
                        generator.Generate(set.Frames(clip), indices, PseudoSequenceGenerator.ClipSeed(1, r, clip), destination);
                    }
                    rates.Add(set.Count * t / sw.Elapsed.TotalSeconds);
                }
                Console.WriteLine($"  T={t}, PseudoSequenceGenerator alone, {name} recipe: {Stats.Summary(rates, "frames/s", "F0")}");
                rows.Add(($"`PseudoSequenceGenerator` alone, one thread, {name} recipe", t, rates));
            }
        }
        section.Line($"{set.Count:N0} Training clips of {set.Source}, default `PseudoSequenceOptions`, batch 64, shuffled. Frames/s; clips/s = frames/s / T.").Line()
               .Header("measure", "T = 1, frames/s", "T = 8, frames/s");
        foreach (var what in rows.Select(r => r.What).Distinct())
            section.Row(what, Stats.Cell(rows.First(r => r.What == what && r.T == 1).Rates, "F0"), Stats.Cell(rows.First(r => r.What == what && r.T == 8).Rates, "F0"));
        return section.Render();
    }
}
