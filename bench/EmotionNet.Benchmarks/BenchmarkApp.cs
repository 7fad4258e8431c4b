namespace EmotionNet.Benchmarks;

/// <summary>Command-line dispatch for the benchmark modes.</summary>
internal static class BenchmarkApp
{
    public const string DefaultData = "../shared/datasets/fer2013/fer2013.csv.gz";

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("""
                usage: EmotionNet.Benchmarks <mode> [--data PATH] [--runs N]
                  load     load the FER2013 CSV N times (default 5): median/min/max seconds, the
                           gzip-only floor, the loaded set's bytes and the peak working set
                  augment  loader throughput (clips/s, frames/s) at T=1 and T=8 on 1 worker
                  grid     write docs/images/pseudo-sequences.png (6 pseudo-sequences, T=8)
                """);
            return args.Length == 0 ? 2 : 0;
        }
        var data = Option(args, "--data") ?? DefaultData;
        var runs = int.Parse(Option(args, "--runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        switch (args[0])
        {
            case "load": LoadBenchmark.Run(data, runs); return 0;
            case "augment": AugmentBenchmark.Run(data, runs); return 0;
            case "grid": GridWriter.Run(data, Option(args, "--out") ?? "docs/images/pseudo-sequences.png"); return 0;
            default: Console.Error.WriteLine($"unknown mode '{args[0]}' (load, augment, grid)"); return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
