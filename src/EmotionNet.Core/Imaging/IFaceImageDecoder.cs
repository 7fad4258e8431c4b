using EmotionNet.Core.Data;

namespace EmotionNet.Core.Imaging;

/// <summary>
/// Decodes an encoded image file (PNG, JPEG, ...) into a 48x48 grey face. Core reads no image formats
/// itself: folder data sets get their decoder through <see cref="DataLoadOptions.ImageDecoder"/>
/// (EmotionNet.Vision's <c>OpenCvFaceImageDecoder</c>, or any other).
/// </summary>
public interface IFaceImageDecoder
{
    /// <summary>
    /// Decodes <paramref name="encoded"/> (the bytes of the file <paramref name="path"/>) into
    /// <paramref name="face"/> (2304 bytes, row by row). Returns null on success, or why the file is not
    /// a readable image; throws only for a programming error.
    /// </summary>
    string? TryDecodeFace(string path, ReadOnlySpan<byte> encoded, Span<byte> face);
}
