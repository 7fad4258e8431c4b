using EmotionNet.Torch.Runtime;

namespace EmotionNet.Benchmarks;

/// <summary>Command-line dispatch for the benchmark modes.</summary>
internal static class BenchmarkApp
{
    public const string DefaultData = "../shared/datasets/fer2013/fer2013.csv.gz";

    private const string Usage = """
        usage: EmotionNet.Benchmarks <mode> [--data PATH] [--runs N] [--threads N] [--doc FILE]
          load      load the FER2013 CSV N times (default 5): median/min/max seconds, the
                    gzip-only floor, the loaded set's bytes and the peak working set
          augment   loader throughput (clips/s, frames/s) at T=1 and T=8 on 1 worker
          grid      write docs/images/pseudo-sequences.png (6 pseudo-sequences, T=8)
          grid-real write docs/images/real-photo-augmentation.png (8 faces, clean and with the real-photo recipe)
          train     training steps/s of the default model, fp32 and bf16, T=1 and 4 (--seq-lens 1,4),
                    against the torch.mm 2048x2048 peak, with the per-phase breakdown
          accuracy  fp32 against bf16 through the Trainer: --clips (default 6000) stratified Training
                    clips, --epochs (default 3), accuracy on PublicTest
          memory    peak RSS of a full-data bf16 Trainer run of --epochs (default 1) epoch(s)
          growth    seconds per training epoch (bf16, T=1) against --sizes (default 1000,2000,4000,8000,16000)
          micro     BenchmarkDotNet (short job) on the small hot paths: pixel-row parse, pseudo-sequence
                    frame, batch building, normalization, batch tensor
        --doc FILE  also write the results as the mode's generated section of FILE (e.g. docs/benchmarks.md)
        --threads N libtorch threads (default: libtorch's own, all cores)
        """;

    public static int Run(string[] raw)
    {
        if (raw.Length == 0 || raw[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return raw.Length == 0 ? 2 : 0;
        }
        var args = new Args(raw);
        var data = args.Text("--data") ?? DefaultData;
        var runs = args.Int("--runs", 5);
        if (args.Mode is not ("grid" or "micro" or "load"))
        {
            NativeRuntime.EnsureTorch();
            if (args.Int("--threads", 0) is > 0 and var threads) TorchSharp.torch.set_num_threads(threads);
        }
        string? markdown;
        switch (args.Mode)
        {
            case "load": markdown = LoadBenchmark.Run(data, runs, args.Command); break;
            case "augment": markdown = AugmentBenchmark.Run(data, runs, args.Command); break;
            case "grid": GridWriter.Run(data, args.Text("--out") ?? "docs/images/pseudo-sequences.png"); return 0;
            case "grid-real": DegradationGridWriter.Run(data, args.Text("--out") ?? "docs/images/real-photo-augmentation.png"); return 0;
            case "train": markdown = TrainBenchmark.Run(args); break;
            case "accuracy": markdown = AccuracyBenchmark.Run(args, data); break;
            case "memory": markdown = MemoryBenchmark.Run(args, data); break;
            case "growth": markdown = GrowthBenchmark.Run(args, data); break;
            case "micro": markdown = MicroRunner.Run(args); break;
            default: Console.Error.WriteLine($"unknown mode '{args.Mode}' (load, augment, grid, train, accuracy, memory, growth, micro)"); return 2;
        }
        if (args.Text("--doc") is { } doc) DocSections.Write(doc, args.Mode, markdown);
        return 0;
    }
}
