using static TorchSharp.torch;

/// <summary>
/// Whether libtorch's intra-op thread count is process-wide, as a caller of <c>set_num_threads</c> would assume:
/// one thread sets it, and the count other threads see is printed (a thread that ran before, one started after).
/// docs/benchmarks-serving.md reads the in-process TorchSharp rows with it.
/// </summary>
internal static class TorchThreadCheck
{
    public static void Run()
    {
        var start = get_num_threads();
        var before = 0;
        var other = new Thread(() => before = get_num_threads());
        other.Start();
        other.Join();
        var setter = new Thread(() => set_num_threads(1));
        setter.Start();
        setter.Join();
        var after = 0;
        var fresh = new Thread(() => after = get_num_threads());
        fresh.Start();
        fresh.Join();
        Console.WriteLine($"- libtorch threads at start: {start} (main thread), {before} (another thread).");
        Console.WriteLine($"- After set_num_threads(1) on a third thread: the main thread sees {get_num_threads()}, a thread started afterwards {after}.");
        set_num_threads(start);
    }
}
