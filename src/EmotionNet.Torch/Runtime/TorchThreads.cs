using EmotionNet.Core.Runtime;
using static TorchSharp.torch;

namespace EmotionNet.Torch.Runtime;

/// <summary>
/// libtorch's intra-op thread count is process-wide: every model in the process shares it. EmotionNet's
/// libraries change it only when their caller asks (<c>TrainingOptions.Threads</c>, <c>AnalyzerOptions.ModelThreads</c>,
/// <see cref="EmotionClassifier.UseThreads"/>), and only inside a scope from <see cref="Use"/>.
/// </summary>
/// <remarks>
/// Scopes may nest and overlap (two runs on two threads): the count is that of the scope opened last among
/// those still open, and when the last one closes the count found before the first is put back, whatever
/// order they close in. A scope that closed first no longer restores what it found while another still runs.
/// </remarks>
public static class TorchThreads
{
    private static readonly Lock Gate = new();
    private static readonly List<Scope> Open = [];
    private static int before;

    /// <summary>
    /// Sets libtorch's intra-op threads to <paramref name="threads"/> until the returned scope is
    /// disposed (see the remarks for scopes that overlap). 0 changes nothing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is negative.</exception>
    /// <exception cref="NativeDependencyException">libtorch cannot load.</exception>
    public static IDisposable Use(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        if (threads == 0) return NoScope.Instance;
        NativeRuntime.EnsureTorch();
        lock (Gate)
        {
            if (Open.Count == 0) before = get_num_threads();
            var scope = new Scope(threads);
            Open.Add(scope);
            if (get_num_threads() != threads) set_num_threads(threads);
            return scope;
        }
    }

    private static void Close(Scope scope)
    {
        lock (Gate)
        {
            if (!Open.Remove(scope)) return; // disposed twice
            var count = Open.Count == 0 ? before : Open[^1].Threads;
            if (get_num_threads() != count) set_num_threads(count);
        }
    }

    private sealed class Scope(int threads) : IDisposable
    {
        public int Threads { get; } = threads;

        public void Dispose() => Close(this);
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
