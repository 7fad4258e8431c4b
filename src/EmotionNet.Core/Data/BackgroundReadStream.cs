using System.Buffers;
using System.Collections.Concurrent;

namespace EmotionNet.Core.Data;

/// <summary>
/// A read-only stream that reads its source (typically a <see cref="System.IO.Compression.GZipStream"/>)
/// on a background thread, a few buffers ahead, so that decompression on one core overlaps parsing on
/// another. An exception of the source is rethrown by <see cref="Read(Span{byte})"/>.
/// </summary>
internal sealed class BackgroundReadStream : Stream
{
    private const int BufferBytes = 1 << 20;
    private const int BuffersAhead = 8;

    private readonly Stream source;
    private readonly BlockingCollection<(byte[] Buffer, int Length)> queue = new(BuffersAhead);
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;
    private Exception? error;
    private byte[]? current;
    private int currentLength;
    private int currentOffset;
    private bool finished;

    public BackgroundReadStream(Stream source)
    {
        this.source = source;
        thread = new Thread(Produce) { IsBackground = true, Name = "EmotionNet data read-ahead" };
        thread.Start();
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    private void Produce()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
                var filled = 0;
                int n;
                // Fill whole buffers: GZipStream returns small reads, and fewer hand-offs cost less.
                while (filled < BufferBytes && (n = source.Read(buffer, filled, BufferBytes - filled)) > 0) filled += n;
                if (filled == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }
                queue.Add((buffer, filled), stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The exception is handed to the reading thread, which rethrows it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error = e;
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (current is null || currentOffset == currentLength)
        {
            if (current is not null) ArrayPool<byte>.Shared.Return(current);
            current = null;
            if (finished) return 0;
            if (!queue.TryTake(out var next, Timeout.Infinite))
            {
                finished = true;
                if (error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
                return 0;
            }
            (current, currentLength, currentOffset) = (next.Buffer, next.Length, 0);
        }
        var n = Math.Min(buffer.Length, currentLength - currentOffset);
        current.AsSpan(currentOffset, n).CopyTo(buffer);
        currentOffset += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stop.Cancel();
            while (queue.TryTake(out var item)) ArrayPool<byte>.Shared.Return(item.Buffer);
            thread.Join();
            while (queue.TryTake(out var item)) ArrayPool<byte>.Shared.Return(item.Buffer);
            queue.Dispose();
            stop.Dispose();
            source.Dispose();
        }
        base.Dispose(disposing);
    }
}
