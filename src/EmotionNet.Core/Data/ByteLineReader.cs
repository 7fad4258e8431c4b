namespace EmotionNet.Core.Data;

/// <summary>
/// Splits a byte stream into lines ('\n', an optional '\r' before it removed) without decoding
/// text: the FER2013 rows are ASCII and the hot path parses bytes directly.
/// </summary>
internal sealed class ByteLineReader(Stream stream, string sourceName)
{
    // A FER2013 row is about 9 KB; anything near this is not a FER2013 CSV.
    private const int MaxLineBytes = 16 << 20;

    private byte[] buffer = new byte[1 << 20];
    private int start;
    private int end;
    private bool eof;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>True when the line last returned was the last one and had no line break (a truncated file looks like this).</summary>
    public bool LastLineUnterminated { get; private set; }

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = TrimCarriageReturn(buffer.AsSpan(start, newline));
                start += newline + 1;
                LineNumber++;
                return true;
            }
            if (eof)
            {
                if (start < end)
                {
                    line = TrimCarriageReturn(buffer.AsSpan(start, end - start));
                    start = end;
                    LineNumber++;
                    LastLineUnterminated = true;
                    return true;
                }
                line = default;
                return false;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length)
        {
            if (buffer.Length >= MaxLineBytes)
                throw new DataFormatException(sourceName, LineNumber + 1, $"the line is longer than {MaxLineBytes >> 20} MB: this is not a FER2013 CSV");
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        var n = stream.Read(buffer, end, buffer.Length - end);
        if (n == 0) eof = true;
        end += n;
        BytesRead += n;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
