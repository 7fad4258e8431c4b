using System.Globalization;

namespace EmotionNet.Vision.Sources;

/// <summary>The check of an image's or video frame's declared size against the largest accepted pixel count.</summary>
internal static class PixelLimit
{
    /// <summary>The option that sets the limit of the frame readers, named as data by their errors and skipped files.</summary>
    public const string Option = "AnalyzerOptions.MaxImagePixels";

    /// <summary>Null when <paramref name="width"/> x <paramref name="height"/> is within <paramref name="maxPixels"/>, else the reason naming <paramref name="what"/>.</summary>
    public static string? Exceeded(string what, long width, long height, long maxPixels) =>
        width * height <= maxPixels ? null : string.Create(CultureInfo.InvariantCulture,
            $"{what} declares {width}x{height} = {width * height:N0} pixels, more than the limit of {maxPixels:N0}; it was not decoded.");
}
