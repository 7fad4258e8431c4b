namespace EmotionNet.Cli.Console;

/// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool and can reorder).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
