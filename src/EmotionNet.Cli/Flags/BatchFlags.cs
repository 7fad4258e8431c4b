using System.CommandLine;
using EmotionNet.Cli.Analysis;
using EmotionNet.Cli.Commands;

namespace EmotionNet.Cli.Flags;

/// <summary>The batch flags of 'analyze' (--manifest, --batch, --shard, --shard-count), kept apart from the single-input flags.</summary>
internal sealed class BatchFlags
{
    private readonly Option<string?> manifest = new("--manifest") { HelpName = "FILE", Description = "Analyze the inputs listed in FILE, one path (file, folder or glob) per line; '#' starts a comment line; relative paths are relative to FILE's folder." };
    private readonly Option<bool> batch = new("--batch") { Description = "Treat the input(s) as a batch even when there is one: a folder of its own under --out, and batch.csv/json/png." };
    private readonly Option<string?> shard = new("--shard") { HelpName = "K/N", Description = "Analyze share K of N of the sorted inputs, K from 0 to N-1 (default: from SLURM_ARRAY_TASK_ID/_COUNT, or JOB_COMPLETION_INDEX with --shard-count; else all). Combine the shards' --out folders with 'emotionnet merge'." };
    private readonly Option<int?> shardCount = new("--shard-count") { HelpName = "N", Description = $"The shard count for a Kubernetes Indexed Job (JOB_COMPLETION_INDEX is the shard; default: ${ShardFlags.CountVariable})." };

    /// <summary>Adds the batch flags to <paramref name="command"/>, in --help order.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { manifest, batch, shard, shardCount }) command.Options.Add(option);
    }

    public bool IsBatch(ParseResult parse, IReadOnlyList<string> inputs) =>
        BatchAnalyze.IsBatch(inputs, parse.GetValue(manifest), parse.GetValue(batch), parse.GetValue(shard), parse.GetValue(shardCount));

    public BatchSettings Parse(ParseResult parse, IReadOnlyList<string> inputs, AnalyzeSettings options) =>
        BatchAnalyze.Parse(inputs, parse.GetValue(manifest), parse.GetValue(shard), parse.GetValue(shardCount), Environment.GetEnvironmentVariable, options);
}
