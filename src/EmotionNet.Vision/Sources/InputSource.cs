using EmotionNet.Core;

namespace EmotionNet.Vision.Sources;

/// <summary>
/// Where frames come from: an image, a folder of images, a video file or a camera. The factory
/// methods check what can be checked without decoding (the path exists, is not empty, has a known
/// extension) and throw an <see cref="EmotionNetException"/> naming the path otherwise.
/// </summary>
public sealed class InputSource
{
    private InputSource(SourceKind kind, string name, string? path, int cameraIndex, IReadOnlyList<string> files)
    {
        Kind = kind;
        Name = name;
        Path = path;
        CameraIndex = cameraIndex;
        Files = files;
    }

    /// <summary>The kind of source.</summary>
    public SourceKind Kind { get; }

    /// <summary>How messages name the source: its path, or "camera N".</summary>
    public string Name { get; }

    /// <summary>The file or folder path; null for a camera.</summary>
    public string? Path { get; }

    /// <summary>The camera index; -1 for files.</summary>
    public int CameraIndex { get; }

    /// <summary>The image files in reading order (one for an image, the folder's images in natural order for a sequence, empty otherwise).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>An image file, a folder of images or a video file, chosen by what <paramref name="path"/> is.</summary>
    /// <exception cref="EmotionNetException">The path is missing, empty, has an unsupported extension, or a folder has no images.</exception>
    public static InputSource FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path)) return FromFolder(path);
        if (!File.Exists(path)) throw new EmotionNetException($"Input '{path}' does not exist.");
        if (new FileInfo(path).Length == 0) throw new EmotionNetException($"Input '{path}' is an empty file (0 bytes).");
        if (MediaExtensions.IsImage(path)) return new InputSource(SourceKind.Image, path, path, -1, [path]);
        if (MediaExtensions.IsVideo(path)) return new InputSource(SourceKind.Video, path, path, -1, []);
        throw new EmotionNetException(
            $"Input '{path}' has an unsupported extension '{System.IO.Path.GetExtension(path)}': expected an image ({string.Join(", ", MediaExtensions.Images)}), " +
            $"a video ({string.Join(", ", MediaExtensions.Videos)}) or a folder of images.");
    }

    /// <summary>The images of a folder (not its subfolders) in natural file-name order; other files are ignored.</summary>
    /// <exception cref="EmotionNetException">The folder is missing or holds no images.</exception>
    public static InputSource FromFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder)) throw new EmotionNetException($"Input folder '{folder}' does not exist.");
        var files = Directory.EnumerateFiles(folder)
            .Where(MediaExtensions.IsImage)
            .OrderBy(f => System.IO.Path.GetFileName(f), EmotionNet.Core.Data.NaturalFileNameComparer.Instance)
            .ToArray();
        if (files.Length == 0)
            throw new EmotionNetException($"Input folder '{folder}' holds no images ({string.Join(", ", MediaExtensions.Images)}).");
        return new InputSource(SourceKind.ImageSequence, folder, folder, -1, files);
    }

    /// <summary>A camera by index (0 is the default camera). Whether it exists is known only when it is opened.</summary>
    public static InputSource FromCamera(int index)
    {
        if (index < 0) throw new EmotionNetException($"Camera index must be 0 or more (got {index}).");
        return new InputSource(SourceKind.Camera, $"camera {index}", null, index, []);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
