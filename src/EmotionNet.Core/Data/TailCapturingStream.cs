namespace EmotionNet.Core.Data;

/// <summary>
/// Replays a few already-read bytes (the format sniff), then passes reads through, and remembers the last 8 bytes: a gzip member ends with CRC32 and ISIZE
/// (the uncompressed length mod 2^32). <see cref="System.IO.Compression.GZipStream"/> ends quietly on
/// truncated input, so the reader compares ISIZE with what it decompressed to detect truncation.
/// </summary>
internal sealed class TailCapturingStream(Stream inner, ReadOnlyMemory<byte> prefix, bool leaveOpen) : Stream
{
    private readonly byte[] tail = new byte[8];
    private int prefixOffset;

    public long BytesRead { get; private set; }

    /// <summary>ISIZE of the last member, valid once the inner stream is at its end.</summary>
    public uint TrailerSize => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(4));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        if (prefixOffset < prefix.Length)
        {
            n = Math.Min(buffer.Length, prefix.Length - prefixOffset);
            prefix.Span.Slice(prefixOffset, n).CopyTo(buffer);
            prefixOffset += n;
        }
        else
        {
            n = inner.Read(buffer);
        }
        Remember(buffer[..n]);
        return n;
    }

    /// <summary>Reads whatever the decompressor left unread, so that the tail is the stream's last 8 bytes.</summary>
    public void Drain()
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (Read(scratch) > 0) { }
    }

    private void Remember(ReadOnlySpan<byte> data)
    {
        BytesRead += data.Length;
        if (data.Length >= 8)
        {
            data[^8..].CopyTo(tail);
            return;
        }
        tail.AsSpan(data.Length).CopyTo(tail);
        data.CopyTo(tail.AsSpan(8 - data.Length));
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}
