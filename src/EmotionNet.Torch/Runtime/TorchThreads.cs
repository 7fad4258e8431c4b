using EmotionNet.Core.Runtime;
using static TorchSharp.torch;

namespace EmotionNet.Torch.Runtime;

/// <summary>
/// libtorch's intra-op thread count is process-wide: every model in the process shares it. EmotionNet's
/// libraries change it only inside a scope from <see cref="Use"/>, which puts the previous count back.
/// </summary>
public static class TorchThreads
{
    /// <summary>
    /// Sets libtorch's intra-op threads to <paramref name="threads"/> until the returned scope is
    /// disposed, then restores the count it found. 0 leaves the count alone.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is negative.</exception>
    /// <exception cref="NativeDependencyException">libtorch cannot load.</exception>
    public static IDisposable Use(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        if (threads == 0) return Restore.None;
        NativeRuntime.EnsureTorch();
        var previous = get_num_threads();
        if (previous == threads) return Restore.None;
        set_num_threads(threads);
        return new Restore(previous);
    }

    private sealed class Restore(int previous) : IDisposable
    {
        public static readonly Restore None = new(0);
        private int pending = previous;

        public void Dispose()
        {
            // Once only, and never for the no-op scope.
            var count = Interlocked.Exchange(ref pending, 0);
            if (count > 0) set_num_threads(count);
        }
    }
}
