namespace EmotionNet.Inference.Recognition;

/// <summary>
/// The last <c>length</c> items of a stream, each a fixed-size slice of <typeparamref name="T"/> (a face's
/// crops or their encoder features), kept in a ring. The first item fills every slot, as training pads a
/// short sequence with its first frame.
/// </summary>
internal sealed class SlidingWindow<T>(int length, int itemSize)
{
    private readonly T[] items = new T[length * itemSize];
    private int next;
    private bool filled;

    /// <summary>Adds the newest item, dropping the oldest.</summary>
    public void Push(ReadOnlySpan<T> item)
    {
        if (!filled)
        {
            for (var i = 0; i < length; i++) item.CopyTo(items.AsSpan(i * itemSize, itemSize));
            filled = true;
            return;
        }
        item.CopyTo(items.AsSpan(next * itemSize, itemSize));
        next = (next + 1) % length;
    }

    /// <summary>Copies the window, oldest item first, into <paramref name="destination"/> (length x itemSize).</summary>
    public void CopyTo(Span<T> destination)
    {
        // The ring is [next..end) then [0..next): two block copies.
        var tail = (length - next) * itemSize;
        items.AsSpan(next * itemSize, tail).CopyTo(destination);
        items.AsSpan(0, next * itemSize).CopyTo(destination[tail..]);
    }
}
