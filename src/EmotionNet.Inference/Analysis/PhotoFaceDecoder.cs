using OpenCvSharp;
using EmotionNet.Core.Imaging;
using EmotionNet.Vision;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Imaging;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// An <see cref="IFaceImageDecoder"/> for labelled photos: decodes the image as <c>analyze</c> does,
/// finds its faces with the configured detector, and returns the largest one cropped exactly as
/// <c>analyze</c> crops it (<see cref="FaceCrop"/>: aligned on its landmarks when the detector gives
/// them, else its box plus the margin). A photo without a face gives
/// <see cref="IFaceImageDecoder.NoFaceFound"/>, which folder readers list rather than fail on. Under
/// <see cref="FaceFinding.Auto"/> a 48x48 image is a face crop and is taken whole, exactly as
/// <see cref="OpenCvFaceImageDecoder"/> takes it.
/// </summary>
/// <remarks>
/// Holds a face detector, which is not thread-safe: use one decoder per reader (folder readers decode
/// one file at a time) and dispose it. The detector is created at the first photo, so a folder of crops
/// never loads it.
/// </remarks>
public sealed class PhotoFaceDecoder : IFaceImageDecoder, IDisposable
{
    private readonly PhotoFaceOptions options;
    private IFaceDetector? detector;
    private bool disposed;

    /// <summary>A decoder with <paramref name="options"/> (default <see cref="PhotoFaceOptions.Default"/>).</summary>
    /// <exception cref="Core.Options.OptionsException">An option is out of range.</exception>
    public PhotoFaceDecoder(PhotoFaceOptions? options = null) => this.options = (options ?? PhotoFaceOptions.Default).Validate();

    /// <summary>The options in use.</summary>
    public PhotoFaceOptions Options => options;

    /// <summary>Images taken whole as face crops so far.</summary>
    public int ImagesTakenWhole { get; private set; }

    /// <summary>Images searched for a face so far (found or not).</summary>
    public int ImagesSearched { get; private set; }

    /// <summary>How each image becomes a face, in words, for reports: <c>YuNet, largest face, aligned on landmarks</c>.</summary>
    public string Method
    {
        get
        {
            var crop = options.AlignFaces && options.Detector.Kind == FaceDetectorKind.YuNet
                ? "aligned on landmarks"
                : $"box + {options.FaceMargin:0.##} margin";
            var search = $"{options.Detector.Kind}, largest face, {crop}";
            return options.Faces switch
            {
                FaceFinding.Cropped => "every image a face crop, taken whole",
                FaceFinding.Detect => search,
                _ => $"48x48 images taken whole as face crops, others: {search}",
            };
        }
    }

    /// <inheritdoc />
    public string? TryDecodeFace(string path, ReadOnlySpan<byte> encoded, Span<byte> face)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (encoded.IsEmpty) return "not a readable image: the file is empty";
        // As analyze refuses them (ImageFrameReader): OpenCV spends seconds on a tiny PNG whose chunk claims gigabytes.
        if (ImageHeader.PngChunkPastEnd(path) is { } chunk) return $"not a readable image: the file is corrupt or cut short (PNG chunk {chunk} runs past its end)";
        var size = ImageHeader.TryReadSize(new MemoryStream(encoded.ToArray(), writable: false));
        if (size is var (width, height) && PixelLimit.Exceeded("the image", width, height, options.MaxImagePixels) is { } tooBig) return tooBig;
        if (options.Faces == FaceFinding.Cropped || options.Faces == FaceFinding.Auto && size is (FaceImage.Side, FaceImage.Side))
            return TakeWhole(path, encoded, face);

        OpenCvRuntime.Ensure();
        // As analyze reads an image (ImageFrameReader): 8-bit BGR, EXIF orientation applied.
        using var image = OpenCvFaceImageDecoder.Decode(encoded, ImreadModes.Color, out var unreadable);
        if (image is null) return unreadable;
        if (options.Faces == FaceFinding.Auto && image is { Width: FaceImage.Side, Height: FaceImage.Side })
            return TakeWhole(path, encoded, face); // a format whose header ImageHeader does not read

        ImagesSearched++;
        detector ??= FaceDetectors.Create(options.Detector);
        var found = detector.DetectFaces(image);
        if (found.Count == 0) return IFaceImageDecoder.NoFaceFound;
        // The first of equally large faces (the detector lists them left to right).
        var largest = found[0];
        foreach (var candidate in found) if (candidate.Box.Area > largest.Box.Area) largest = candidate;
        FaceCrop.Crop(image, largest.Box, largest.Landmarks, options.AlignFaces, options.FaceMargin, face);
        return null;
    }

    private string? TakeWhole(string path, ReadOnlySpan<byte> encoded, Span<byte> face)
    {
        var reason = OpenCvFaceImageDecoder.Instance.TryDecodeFace(path, encoded, face);
        if (reason is null) ImagesTakenWhole++;
        return reason;
    }

    /// <summary>Releases the face detector.</summary>
    public void Dispose()
    {
        disposed = true;
        detector?.Dispose();
        detector = null;
    }
}
