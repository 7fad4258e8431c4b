using System.Diagnostics;
using System.IO.Compression;
using EmotionNet.Core.Data;

namespace EmotionNet.Benchmarks;

/// <summary>Times the FER2013 reader against the floor of decompressing the same file.</summary>
internal static class LoadBenchmark
{
    public static string Run(string path, int runs, string command)
    {
        var section = new Section(command);
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
        var bytes = splits!.Training.SizeInBytes + splits.PublicTest.SizeInBytes + splits.PrivateTest.SizeInBytes;
        var rows = splits.Training.Count + splits.PublicTest.Count + splits.PrivateTest.Count;
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        section.Line($"`{Path.GetFileName(path)}`: {new FileInfo(path).Length / 1e6:F1} MB gzip, {rows:N0} rows (Training {splits.Training.Count:N0}, PublicTest {splits.PublicTest.Count:N0}, PrivateTest {splits.PrivateTest.Count:N0}).")
               .Line()
               .Header("measure", "seconds, median (min-max, n)", "goal / ratio")
               .Row("`Fer2013Reader.Read`, full set into `FaceDataSplits`", Stats.Cell(times, "F2"), $"goal <= 2.0 s; **{Stats.Median(times) / Stats.Median(floor):F2}x** the floor")
               .Row("floor: `GZipStream` decompression alone to `Stream.Null`", Stats.Cell(floor, "F2"), "1x")
               .Line()
               .Header("memory", "MB")
               .Row("loaded set, `FaceClipSet.SizeInBytes` summed (goal <= 150 MB)", $"**{bytes / 1e6:F1}**")
               .Row("managed heap after load", Stats.F(GC.GetTotalMemory(true) / 1e6, "F0"))
               .Row("process peak working set (whole benchmark, two loaded copies at most)", Stats.F(process.PeakWorkingSet64 / 1e6, "F0"));
        return section.Render(torch: false);
    }
}
