using System.Globalization;
using EmotionNet.Inference.Batch;

namespace EmotionNet.Cli.Flags;

/// <summary>
/// Picks a batch's shard from --shard K/N, or from a scheduler's variables when the flag is absent. The
/// library never reads the environment; this is where the command line does, through <c>env</c> (tests pass a dictionary).
/// <list type="number">
/// <item><c>--shard K/N</c>: K counted from 0 (0/3, 1/3, 2/3).</item>
/// <item>A Slurm job array: <c>SLURM_ARRAY_TASK_ID</c>, <c>SLURM_ARRAY_TASK_MIN</c>, <c>SLURM_ARRAY_TASK_STEP</c> and
/// <c>SLURM_ARRAY_TASK_COUNT</c>: K = (ID - MIN) / STEP, N = COUNT, so <c>--array=0-2</c>, <c>--array=1-3</c> and
/// <c>--array=0-8:4</c> all give shards 0/3, 1/3, 2/3. A list that is not one range (<c>--array=1,5,9</c> is one, <c>1,2,7</c> is not) is refused.</item>
/// <item>A Kubernetes Indexed Job: K = <c>JOB_COMPLETION_INDEX</c> (0 to completions - 1), N from <c>--shard-count</c>
/// or <c>EMOTIONNET_SHARD_COUNT</c>: the pod cannot see the Job's completions otherwise.</item>
/// </list>
/// Otherwise the whole batch runs in this process. <c>--shard 0/1</c> ignores the scheduler's variables.
/// </summary>
internal static class ShardFlags
{
    /// <summary>The variable that gives a Kubernetes Indexed Job's shard count.</summary>
    public const string CountVariable = "EMOTIONNET_SHARD_COUNT";

    /// <summary>The shard and where it came from ("--shard", "SLURM_ARRAY_TASK_ID=..."); null origin for the whole batch.</summary>
    public static (Shard Shard, string? Origin) Resolve(string? shard, int? shardCount, Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (shardCount is < 1) throw new UsageException($"--shard-count must be at least 1 (got {shardCount}).");
        if (shard is not null)
        {
            var parsed = ParseFlag(shard);
            if (shardCount is { } n && n != parsed.Count) throw new UsageException($"--shard {shard} and --shard-count {n} disagree on the shard count.");
            return (parsed, "--shard");
        }
        if (env("SLURM_ARRAY_TASK_ID") is { Length: > 0 } taskId)
        {
            var id = Variable(env, "SLURM_ARRAY_TASK_ID", taskId);
            var min = Variable(env, "SLURM_ARRAY_TASK_MIN", env("SLURM_ARRAY_TASK_MIN") ?? "0");
            var step = Math.Max(1, Variable(env, "SLURM_ARRAY_TASK_STEP", env("SLURM_ARRAY_TASK_STEP") ?? "1"));
            var count = Variable(env, "SLURM_ARRAY_TASK_COUNT", env("SLURM_ARRAY_TASK_COUNT")
                ?? throw new UsageException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not: pass --shard K/N."));
            var max = env("SLURM_ARRAY_TASK_MAX") is { } m ? Variable(env, "SLURM_ARRAY_TASK_MAX", m) : min + (count - 1) * step;
            if ((id - min) % step != 0 || min + (count - 1) * step != max || count < 1)
                throw new UsageException($"The Slurm array (tasks {min}-{max}, step {step}, {count} task(s)) is not one evenly spaced range, so task {id} has no shard: submit with --array=0-{count - 1}, or pass --shard K/N.");
            var index = (id - min) / step;
            if (shardCount is { } n && n != count) throw new UsageException($"--shard-count {n} disagrees with SLURM_ARRAY_TASK_COUNT={count}.");
            return (new Shard(index, count), $"SLURM_ARRAY_TASK_ID={id}, SLURM_ARRAY_TASK_COUNT={count}");
        }
        if (env("JOB_COMPLETION_INDEX") is { Length: > 0 } completion)
        {
            var index = Variable(env, "JOB_COMPLETION_INDEX", completion);
            var count = shardCount ?? (env(CountVariable) is { Length: > 0 } c ? Variable(env, CountVariable, c)
                : throw new UsageException($"JOB_COMPLETION_INDEX={index} is set (a Kubernetes Indexed Job) but not the shard count: pass --shard-count N or set {CountVariable} to the Job's completions."));
            if (count < 1 || index < 0 || index >= count)
                throw new UsageException($"JOB_COMPLETION_INDEX={index} is not a shard of {count}: it must be 0 to {count - 1}.");
            return (new Shard(index, count), $"JOB_COMPLETION_INDEX={index}, shard count {count}");
        }
        if (shardCount is not null) throw new UsageException("--shard-count needs JOB_COMPLETION_INDEX (a Kubernetes Indexed Job); otherwise pass --shard K/N.");
        return (Shard.All, null);
    }

    /// <summary>"K/N" with K from 0 to N - 1.</summary>
    public static Shard ParseFlag(string value)
    {
        var parts = value.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            throw new UsageException($"--shard must be K/N with N at least 1 and K from 0 to N-1, e.g. 0/4 (got '{value}').");
        if (k >= n) throw new UsageException($"--shard counts K from 0: {value} is out of range (the shards of {n} are 0/{n} to {n - 1}/{n}).");
        return new Shard(k, n);
    }

    private static int Variable(Func<string, string?> env, string name, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v
            : throw new UsageException($"{name} must be a whole number (got '{value}').");
}
