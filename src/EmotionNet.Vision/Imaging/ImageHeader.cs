using System.Buffers.Binary;
using System.Text;

namespace EmotionNet.Vision.Imaging;

/// <summary>
/// Reads an image's width and height from its file header without decoding it (OpenCV has no
/// header-only call), so that a file declaring a huge image can be refused before its pixels are
/// allocated. Knows PNG (IHDR), JPEG (the first SOFn segment), BMP, WebP (VP8, VP8L, VP8X), TIFF (the
/// first IFD) and PGM/PPM; reads at most a few kilobytes, skipping JPEG segments by their lengths.
/// </summary>
public static class ImageHeader
{
    /// <summary>The declared size, or null when the format is not one of those known or the header is unreadable (then let the decoder decide).</summary>
    public static (int Width, int Height)? TryReadSize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            return TryReadSize(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The declared size of the image in <paramref name="stream"/> (read from its current position, which must be the start of the file), or null.</summary>
    public static (int Width, int Height)? TryReadSize(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[32];
        var n = ReadUpTo(stream, head);
        if (n < 10) return null;
        var h = head.AsSpan(0, n);
        if (n >= 24 && h[..8].SequenceEqual(PngSignature) && h.Slice(12, 4).SequenceEqual("IHDR"u8))
            return Size(BinaryPrimitives.ReadUInt32BigEndian(h[16..]), BinaryPrimitives.ReadUInt32BigEndian(h[20..]));
        if (h[0] == 0xFF && h[1] == 0xD8) return Jpeg(stream);
        if (n >= 26 && h[0] == 'B' && h[1] == 'M')
        {
            var infoSize = BinaryPrimitives.ReadUInt32LittleEndian(h[14..]);
            if (infoSize == 12) return Size(BinaryPrimitives.ReadUInt16LittleEndian(h[18..]), BinaryPrimitives.ReadUInt16LittleEndian(h[20..]));
            // Height is negative for top-down bitmaps.
            return Size((uint)Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(h[18..])), (uint)Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(h[22..])));
        }
        if (n >= 30 && h[..4].SequenceEqual("RIFF"u8) && h.Slice(8, 4).SequenceEqual("WEBP"u8)) return WebP(h);
        if ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0) || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42)) return Tiff(stream, h[0] == 'I');
        if (h[0] == 'P' && h[1] is >= (byte)'1' and <= (byte)'6') return Pnm(stream);
        return null;
    }

    /// <summary>
    /// For a PNG, the first chunk that claims to run past the end of the file ("IDAT, 4294967276 bytes"),
    /// else null (not a PNG, unreadable, or every chunk fits). OpenCV's PNG decoder spends seconds on a
    /// 67-byte file whose chunk claims 4 GB, so such a file is refused before it is decoded.
    /// </summary>
    public static string? PngChunkPastEnd(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            return PngChunkPastEnd(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary><see cref="PngChunkPastEnd(string)"/> for the image in <paramref name="stream"/> (seekable, positioned at the start of the file).</summary>
    public static string? PngChunkPastEnd(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> head = stackalloc byte[8];
        if (ReadUpTo(stream, head) < 8 || !head.SequenceEqual(PngSignature)) return null;
        for (var guard = 0; guard < 100_000 && stream.Position < stream.Length; guard++)
        {
            if (ReadUpTo(stream, head) < 8) return null;
            var length = (long)BinaryPrimitives.ReadUInt32BigEndian(head);
            var type = Encoding.Latin1.GetString(head[4..]);
            // Data, then a 4-byte CRC.
            if (stream.Position + length + 4 > stream.Length) return $"{type}, {length} bytes";
            if (type == "IEND") return null;
            stream.Position += length + 4;
        }
        return null;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10];

    private static (int, int)? Size(ulong width, ulong height) =>
        width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : ((int)width, (int)height);

    private static int ReadUpTo(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0) break;
            total += read;
        }
        return total;
    }

    // Segments after SOI: FF marker, 2-byte big-endian length (including itself). SOF0-SOF15 except
    // DHT (C4), JPG (C8) and DAC (CC) carry: precision (1), height (2), width (2).
    private static (int, int)? Jpeg(Stream stream)
    {
        if (!stream.CanSeek) return null;
        stream.Position = 2;
        Span<byte> segment = stackalloc byte[7];
        for (var guard = 0; guard < 10_000; guard++)
        {
            if (ReadUpTo(stream, segment[..2]) < 2) return null;
            if (segment[0] != 0xFF) return null;
            var marker = segment[1];
            if (marker == 0xFF) { stream.Position -= 1; continue; } // fill byte
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) continue; // no length
            if (marker is 0xD9 or 0xDA) return null; // end of image or start of scan before any frame header
            if (ReadUpTo(stream, segment[..2]) < 2) return null;
            var length = BinaryPrimitives.ReadUInt16BigEndian(segment);
            if (length < 2) return null;
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (ReadUpTo(stream, segment[..5]) < 5) return null;
                return Size(BinaryPrimitives.ReadUInt16BigEndian(segment[3..]), BinaryPrimitives.ReadUInt16BigEndian(segment[1..]));
            }
            stream.Position += length - 2;
        }
        return null;
    }

    private static (int, int)? WebP(ReadOnlySpan<byte> h)
    {
        var chunk = h.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
            return Size(1 + (h[24] | (uint)h[25] << 8 | (uint)h[26] << 16), 1 + (h[27] | (uint)h[28] << 8 | (uint)h[29] << 16));
        if (chunk.SequenceEqual("VP8L"u8) && h[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(h[21..]);
            return Size(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
        }
        if (chunk.SequenceEqual("VP8 "u8) && h[23] == 0x9D && h[24] == 0x01 && h[25] == 0x2A)
            return Size(BinaryPrimitives.ReadUInt16LittleEndian(h[26..]) & 0x3FFFu, BinaryPrimitives.ReadUInt16LittleEndian(h[28..]) & 0x3FFFu);
        return null;
    }

    // The first IFD's ImageWidth (256) and ImageLength (257) tags, SHORT or LONG.
    private static (int, int)? Tiff(Stream stream, bool little)
    {
        if (!stream.CanSeek) return null;
        Span<byte> b = stackalloc byte[12];
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        stream.Position = 4;
        if (ReadUpTo(stream, b[..4]) < 4) return null;
        var offset = U32(b);
        if (offset < 8 || offset >= stream.Length) return null;
        stream.Position = offset;
        if (ReadUpTo(stream, b[..2]) < 2) return null;
        var entries = U16(b);
        uint? width = null, height = null;
        for (var i = 0; i < entries && i < 512; i++)
        {
            if (ReadUpTo(stream, b) < 12) return null;
            var tag = U16(b);
            var type = U16(b[2..]);
            var value = type == 3 ? U16(b[8..]) : type == 4 ? U32(b[8..]) : (uint?)null;
            if (tag == 256) width = value;
            else if (tag == 257) height = value;
            if (width is { } w && height is { } hh) return Size(w, hh);
        }
        return null;
    }

    // "P5\n# comment\n640 480\n255\n": magic, then width and height as decimal text, comments from '#' to the line end.
    private static (int, int)? Pnm(Stream stream)
    {
        if (!stream.CanSeek) return null;
        stream.Position = 2;
        var numbers = new List<ulong>(2);
        var digits = new StringBuilder();
        var comment = false;
        for (var i = 0; i < 4096 && numbers.Count < 2; i++)
        {
            var c = stream.ReadByte();
            if (c < 0) return null;
            if (comment) { comment = c != '\n' && c != '\r'; continue; }
            if (c == '#') { comment = true; continue; }
            if (c is >= '0' and <= '9')
            {
                if (digits.Length > 10) return null;
                digits.Append((char)c);
                continue;
            }
            if (!char.IsWhiteSpace((char)c)) return null;
            if (digits.Length > 0)
            {
                numbers.Add(ulong.Parse(digits.ToString(), System.Globalization.CultureInfo.InvariantCulture));
                digits.Clear();
            }
        }
        return numbers.Count == 2 ? Size(numbers[0], numbers[1]) : null;
    }
}
