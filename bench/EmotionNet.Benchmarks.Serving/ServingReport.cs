using System.Globalization;

/// <summary>One repetition: the load average when it started, the in-process rates by mode and the server runs by client count.</summary>
internal sealed record Repetition(string Load, IReadOnlyDictionary<string, Rate> Local, IReadOnlyDictionary<int, LoadResult> Served);

/// <summary>The markdown tables of docs/benchmarks-serving.md: every repetition, then medians and ranges of the rates and of the paired ratios.</summary>
internal static class ServingReport
{
    public static void Write(IReadOnlyList<Repetition> repetitions, int[] clients)
    {
        var one = clients.Contains(1) ? 1 : clients[0];
        var columns = new List<(string Name, Func<Repetition, double> Value, string Format)>
        {
            ("in process, per image", r => r.Local["per image"].ImagesPerSecond, "F1"),
            ("in process, folder", r => r.Local["folder"].ImagesPerSecond, "F1"),
            ("in process, new analyzer per image", r => r.Local["new analyzer each"].ImagesPerSecond, "F1"),
        };
        foreach (var n in clients) columns.Add(($"server, {n} in flight", r => r.Served[n].ImagesPerSecond, "F1"));
        columns.Add(($"server {one} / per image", r => r.Served[one].ImagesPerSecond / r.Local["per image"].ImagesPerSecond, "F2"));
        foreach (var n in clients) columns.Add(($"server {n} / folder", r => r.Served[n].ImagesPerSecond / r.Local["folder"].ImagesPerSecond, "F2"));
        // Processor time per image: what each way costs, which the load of the machine moves far less than the rates.
        var cpu = new List<(string Name, Func<Repetition, double> Value, string Format)>
        {
            ("CPU ms per image: in process, per image", r => r.Local["per image"].CpuMsPerImage, "F1"),
            ("CPU ms per image: in process, folder", r => r.Local["folder"].CpuMsPerImage, "F1"),
            ("CPU ms per image: in process, new analyzer per image", r => r.Local["new analyzer each"].CpuMsPerImage, "F1"),
        };
        foreach (var n in clients)
        {
            cpu.Add(($"CPU ms per image: server, {n} in flight (server and client)", r => r.Served[n].CpuMsPerImage, "F1"));
            cpu.Add(($"CPU ms per image: server, {n} in flight (server alone)", r => r.Served[n].ServerCpuMsPerImage, "F1"));
        }
        cpu.Add(($"CPU per image, in process per image / server {one} (server and client)", r => r.Local["per image"].CpuMsPerImage / r.Served[one].CpuMsPerImage, "F2"));

        Console.WriteLine("Images per second, each repetition (its modes run one after the other, alternating in process and server):");
        Console.WriteLine();
        Console.WriteLine($"| rep | load avg (1, 5, 15 min) | {string.Join(" | ", columns.Select(c => c.Name))} |");
        Console.WriteLine($"|---:|---|{string.Concat(columns.Select(_ => "---:|"))}");
        for (var i = 0; i < repetitions.Count; i++)
            Console.WriteLine($"| {i + 1} | {repetitions[i].Load} | {string.Join(" | ", columns.Select(c => c.Value(repetitions[i]).ToString(c.Format, CultureInfo.InvariantCulture)))} |");
        Console.WriteLine();
        Console.WriteLine("Median and range (min to max) over the repetitions; ratios are taken within each repetition, then summarized:");
        Console.WriteLine();
        Console.WriteLine("| | median | min | max |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, value, format) in columns.Concat(cpu))
        {
            var values = repetitions.Select(value).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(values).ToString(format, CultureInfo.InvariantCulture)} | {values[0].ToString(format, CultureInfo.InvariantCulture)} | {values[^1].ToString(format, CultureInfo.InvariantCulture)} |"));
        }
        Console.WriteLine();
        Console.WriteLine("Server runs, all repetitions together:");
        Console.WriteLine();
        Console.WriteLine("| in flight | requests | errors | p50 ms | p95 ms | p99 ms | server RSS MB (first, last, max) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---|");
        foreach (var n in clients)
        {
            var runs = repetitions.Select(r => r.Served[n]).ToArray();
            var all = new LoadResult(n, runs.Sum(r => r.Requests), runs.Sum(r => r.Errors), runs.Sum(r => r.Seconds), runs.SelectMany(r => r.LatenciesMs).ToArray(), runs.SelectMany(r => r.Rss).ToArray(),
                runs.Sum(r => r.ServerCpuSeconds), runs.Sum(r => r.ClientCpuSeconds));
            var rss = all.Rss.Select(s => s.RssMb).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {n} | {all.Requests} | {all.Errors} | {all.Percentile(50):F0} | {all.Percentile(95):F0} | {all.Percentile(99):F0} | {rss[0]:F0}, {rss[^1]:F0}, {rss.Max():F0} |"));
        }
        Console.WriteLine();
    }

    private static double Median(double[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
