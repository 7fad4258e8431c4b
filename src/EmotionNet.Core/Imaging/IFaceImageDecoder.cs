using EmotionNet.Core.Data;

namespace EmotionNet.Core.Imaging;

/// <summary>
/// Decodes an encoded image file (PNG, JPEG, ...) into a 48x48 grey face. Core reads no image formats
/// itself: folder data sets get their decoder through <see cref="DataLoadOptions.ImageDecoder"/>
/// (EmotionNet.Vision's <c>OpenCvFaceImageDecoder</c> for face crops, EmotionNet.Inference's
/// <c>PhotoFaceDecoder</c> for photos whose face must first be found, or any other).
/// </summary>
public interface IFaceImageDecoder
{
    /// <summary>
    /// The reason a decoder returns for an image it read but found no face in. It is an outcome, not bad
    /// data: a folder reader lists such files in <see cref="Data.DataLoadReport.FacesNotFound"/> and goes
    /// on, whether or not <see cref="Data.DataLoadOptions.SkipInvalid"/> is set.
    /// </summary>
    const string NoFaceFound = "no face found";

    /// <summary>
    /// Decodes <paramref name="encoded"/> (the bytes of the file <paramref name="path"/>) into
    /// <paramref name="face"/> (2304 bytes, row by row). Returns null on success,
    /// <see cref="NoFaceFound"/> for a readable image without a face, or why the file is not a readable
    /// image; throws only for a programming error.
    /// </summary>
    string? TryDecodeFace(string path, ReadOnlySpan<byte> encoded, Span<byte> face);
}
