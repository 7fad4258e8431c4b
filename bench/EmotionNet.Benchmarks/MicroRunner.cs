using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EmotionNet.Benchmarks;

/// <summary>Runs <see cref="DataHotPaths"/> under BenchmarkDotNet with a short job, in process, and tabulates median and range.</summary>
internal static class MicroRunner
{
    private static readonly Dictionary<string, (int Items, string Unit)> Work = new()
    {
        [nameof(DataHotPaths.ParsePixelRow)] = (1, "rows/s"),
        [nameof(DataHotPaths.PseudoSequenceFrame)] = (1, "frames/s"),
        [nameof(DataHotPaths.BuildBatch128)] = (DataHotPaths.Batch, "frames/s"),
        [nameof(DataHotPaths.Normalize128)] = (DataHotPaths.Batch, "frames/s"),
        [nameof(DataHotPaths.BatchTensor128)] = (DataHotPaths.Batch, "frames/s"),
    };

    public static string Run(Args args)
    {
        var section = new Section(args.Command);
        var artifacts = Directory.CreateTempSubdirectory("emotionnet-bdn-").FullName;
        // In process: no generated project to build (fast, and the central package pins need not apply to it).
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithIterationCount(args.Int("--runs", 5));
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(artifacts);
        try
        {
            var summary = BenchmarkRunner.Run<DataHotPaths>(config);
            section.Line($"BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version?.ToString(3)}, `Job.ShortRun` in process (1 launch, 3 warm-up iterations, {args.Int("--runs", 5)} measured iterations), " +
                         "on the embedded FER2013 sample; one thread. Per operation: median (min-max over the iterations, n).")
                   .Line()
                   .Header("hot path", "time per operation, median (min-max, n)", "throughput", "allocated per operation");
            foreach (var report in summary.Reports)
            {
                var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                var s = report.ResultStatistics;
                if (s is null)
                {
                    section.Row($"`{name}`", "failed", "", "");
                    continue;
                }
                var (items, unit) = Work[name];
                var perOp = s.OriginalValues.Select(ns => ns / 1000).ToList();   // microseconds
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
                section.Row($"`{name}`", Stats.Cell(perOp, "F2") + " us", $"{items / (s.Median / 1e9):N0} {unit}", $"{allocated:N0} B");
            }
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
        return section.Render(torch: false);
    }
}
