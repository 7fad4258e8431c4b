using System.Diagnostics;
using System.IO.Compression;
using EmotionNet.Data;

namespace EmotionNet.Benchmarks;

/// <summary>Times the FER2013 reader against the floor of decompressing the same file.</summary>
internal static class LoadBenchmark
{
    public static void Run(string path, int runs)
    {
        Console.WriteLine($"load: {path}, {runs} runs, {Environment.ProcessorCount} cores");
        var floor = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            using (var file = File.OpenRead(path))
            using (var gzip = new GZipStream(file, CompressionMode.Decompress))
                gzip.CopyTo(Stream.Null, 1 << 20);
            floor.Add(sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"  gzip decompression only: {Stats.Summary(floor, "s")}");

        var times = new List<double>();
        FaceDataSplits? splits = null;
        for (var r = 0; r < runs; r++)
        {
            splits = null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var sw = Stopwatch.StartNew();
            splits = Fer2013Reader.Read(path);
            times.Add(sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"  Fer2013Reader.Read:      {Stats.Summary(times, "s")}");
        var bytes = splits!.Training.SizeInBytes + splits.PublicTest.SizeInBytes + splits.PrivateTest.SizeInBytes;
        Console.WriteLine($"  clips: Training {splits.Training.Count}, PublicTest {splits.PublicTest.Count}, PrivateTest {splits.PrivateTest.Count}");
        Console.WriteLine($"  loaded set: {bytes / 1e6:F1} MB (FaceClipSet.SizeInBytes, summed)");
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"  process peak working set: {process.PeakWorkingSet64 / 1e6:F0} MB; managed heap after load: {GC.GetTotalMemory(true) / 1e6:F0} MB");
    }
}
