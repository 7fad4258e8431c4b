namespace EmotionNet.Core.Imaging;

/// <summary>The image file extensions EmotionNet reads, in folder data sets and in analyzed folders alike.</summary>
public static class ImageFileTypes
{
    /// <summary>Image extensions (lower case, with the dot), compared case-insensitively.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm",
    };

    /// <summary>True when <paramref name="path"/> has an image extension.</summary>
    public static bool IsImage(string path) => Extensions.Contains(Path.GetExtension(path));
}
