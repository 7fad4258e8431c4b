using System.Collections.Concurrent;

namespace EmotionNet.Vision.Faces;

/// <summary>
/// Face detectors of one <see cref="DetectorOptions"/>, lent to one caller at a time: building a detector
/// loads its model (YuNet: an ONNX network, milliseconds of work), and a detector runs one call at a time,
/// so analyses that run side by side each rent their own and give it back for the next. Detectors are
/// created on demand; at most <see cref="MaxRetained"/> idle ones are kept, the others disposed when
/// returned. Thread-safe. (A bag and a count: Microsoft.Extensions.ObjectPool would add a dependency to
/// every application of this package for as much.)
/// </summary>
public sealed class FaceDetectorPool : IDisposable
{
    private readonly ConcurrentBag<IFaceDetector> idle = [];
    private readonly Func<DetectorOptions, IFaceDetector> create;
    private int idleCount;
    private int disposed;

    /// <summary>A pool of detectors made with <paramref name="options"/> (defaults when null).</summary>
    /// <param name="options">The detectors' settings, validated here.</param>
    /// <param name="maxRetained">Idle detectors kept for reuse (default 0: the processor count).</param>
    /// <exception cref="EmotionNet.Core.Options.OptionsException">An option is out of range.</exception>
    public FaceDetectorPool(DetectorOptions? options = null, int maxRetained = 0)
        : this(options, maxRetained, FaceDetectors.Create)
    {
    }

    /// <summary>A pool whose detectors <paramref name="create"/> makes (tests pass a fake).</summary>
    internal FaceDetectorPool(DetectorOptions? options, int maxRetained, Func<DetectorOptions, IFaceDetector> create)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetained);
        Options = (options ?? DetectorOptions.Default).Validate();
        MaxRetained = maxRetained > 0 ? maxRetained : Environment.ProcessorCount;
        this.create = create;
    }

    /// <summary>The settings of every detector of this pool.</summary>
    public DetectorOptions Options { get; }

    /// <summary>Idle detectors kept for reuse.</summary>
    public int MaxRetained { get; }

    /// <summary>An idle detector, or a new one when none is idle. Give it back with <see cref="Return"/>.</summary>
    /// <exception cref="EmotionNet.Core.EmotionNetException">A new detector's model cannot be loaded (the message names it).</exception>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public IFaceDetector Rent()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (idle.TryTake(out var detector))
        {
            Interlocked.Decrement(ref idleCount);
            return detector;
        }
        return create(Options);
    }

    /// <summary>Gives back a detector <see cref="Rent"/> lent; it is disposed when the pool is full or disposed.</summary>
    public void Return(IFaceDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        if (Volatile.Read(ref disposed) == 0)
        {
            if (Interlocked.Increment(ref idleCount) <= MaxRetained)
            {
                idle.Add(detector);
                // Disposed meanwhile: whichever of this and Dispose runs last empties the bag.
                if (Volatile.Read(ref disposed) != 0) DisposeIdle();
                return;
            }
            Interlocked.Decrement(ref idleCount);
        }
        detector.Dispose();
    }

    /// <summary>Disposes the idle detectors; those still rented are disposed when they come back.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        DisposeIdle();
    }

    private void DisposeIdle()
    {
        while (idle.TryTake(out var detector)) detector.Dispose();
    }
}
