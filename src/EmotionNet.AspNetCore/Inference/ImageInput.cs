using System.Globalization;
using System.Runtime.InteropServices;
using EmotionNet.Vision;
using EmotionNet.Vision.Imaging;
using OpenCvSharp;

namespace EmotionNet.AspNetCore.Inference;

/// <summary>
/// Checks and decodes one uploaded image held in memory: its format from its first bytes (JPEG, PNG, BMP
/// or WebP; the name or content type a client gives is not trusted), its declared size against the pixel
/// limit before any pixel is allocated, a PNG's chunks against its length, then OpenCV's decoder.
/// </summary>
internal static class ImageInput
{
    /// <summary>The formats served, by their signatures.</summary>
    public const string Formats = "JPEG, PNG, BMP or WebP";

    /// <summary>The decoded BGR image, or the reason it was refused (for a 422 problem).</summary>
    public static Mat Decode(ReadOnlyMemory<byte> bytes, long maxPixels, out string? refused)
    {
        refused = Check(bytes, maxPixels);
        if (refused is not null) return new Mat();
        OpenCvRuntime.Ensure();
        var image = Cv2.ImDecode(bytes.Span, ImreadModes.Color);
        if (image.Empty())
        {
            image.Dispose();
            refused = $"the {Sniff(bytes.Span)} image cannot be decoded (damaged or cut short)";
            return new Mat();
        }
        return image;
    }

    private static string? Check(ReadOnlyMemory<byte> bytes, long maxPixels)
    {
        var format = Sniff(bytes.Span);
        if (format is null) return $"not a {Formats} image (its first bytes are no such signature)";
        using var stream = AsStream(bytes);
        if (ImageHeader.TryReadSize(stream) is not { } size) return $"the {format} header is unreadable (damaged or cut short)";
        if ((long)size.Width * size.Height > maxPixels)
            return string.Create(CultureInfo.InvariantCulture, $"the image declares {size.Width}x{size.Height} = {(long)size.Width * size.Height:N0} pixels, more than the limit of {maxPixels:N0}; it was not decoded");
        stream.Position = 0;
        if (format == "PNG" && ImageHeader.PngChunkPastEnd(stream) is { } chunk) return $"the PNG is cut short: its chunk ({chunk}) runs past the end of the body";
        // libjpeg decodes a cut-off JPEG with grey where the rest was, which would be analyzed as if whole.
        if (format == "JPEG" && !EndsWithEoi(bytes.Span)) return "the JPEG is cut short: it has no end-of-image marker";
        return null;
    }

    // A read-only view of the bytes, without copying them when they sit in an array (they always do here).
    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var array) ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false) : new MemoryStream(bytes.ToArray(), writable: false);

    // The end-of-image marker (FF D9), allowing for the padding some writers add after it.
    private static bool EndsWithEoi(ReadOnlySpan<byte> bytes)
    {
        var tail = bytes[Math.Max(0, bytes.Length - 1024)..];
        return tail.IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0;
    }

    /// <summary>The format <paramref name="bytes"/> start with, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return "JPEG";
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10])) return "PNG";
        if (bytes.Length >= 26 && bytes[0] == 'B' && bytes[1] == 'M') return "BMP";
        if (bytes.Length >= 16 && bytes[..4].SequenceEqual("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8)) return "WebP";
        return null;
    }
}
