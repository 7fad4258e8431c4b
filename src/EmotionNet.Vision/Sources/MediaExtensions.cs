using EmotionNet.Core.Imaging;

namespace EmotionNet.Vision.Sources;

/// <summary>The file extensions read as images and as videos.</summary>
public static class MediaExtensions
{
    /// <summary>Image extensions (lower case, with the dot).</summary>
    public static IReadOnlySet<string> Images => ImageFileTypes.Extensions;

    /// <summary>Video extensions (lower case, with the dot).</summary>
    public static IReadOnlySet<string> Videos { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".mp4", ".avi", ".mov", ".mkv", ".m4v", ".webm", ".mpg", ".mpeg", ".wmv",
    };

    /// <summary>True when <paramref name="path"/> has an image extension.</summary>
    public static bool IsImage(string path) => ImageFileTypes.IsImage(path);

    /// <summary>True when <paramref name="path"/> has a video extension.</summary>
    public static bool IsVideo(string path) => Videos.Contains(Path.GetExtension(path));
}
