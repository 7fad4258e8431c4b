using System.Diagnostics;
using static TorchSharp.torch;

namespace EmotionNet.Benchmarks;

/// <summary>The machine's own matmul ceiling: torch.mm on two 2048x2048 matrices, as GFLOP/s.</summary>
internal static class MatmulPeak
{
    public const int Size = 2048;

    public static List<double> Measure(ScalarType dtype, int runs, int productsPerRun = 4)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        var a = randn(Size, Size).to(dtype);
        var b = randn(Size, Size).to(dtype);
        for (var i = 0; i < 2; i++) mm(a, b).Dispose();   // warm-up: thread pool, packing buffers
        var rates = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < productsPerRun; i++) mm(a, b).Dispose();
            rates.Add(2.0 * Size * Size * Size * productsPerRun / sw.Elapsed.TotalSeconds / 1e9);
        }
        return rates;
    }
}
