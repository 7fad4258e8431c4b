namespace EmotionNet.Benchmarks;

internal static class AugmentBenchmark
{
    public static void Run(string path, int runs) => throw new NotImplementedException(path + runs);
}
