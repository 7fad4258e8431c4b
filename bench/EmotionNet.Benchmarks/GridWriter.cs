namespace EmotionNet.Benchmarks;

internal static class GridWriter
{
    public static void Run(string path, string output) => throw new NotImplementedException(path + output);
}
