using System.Security.Cryptography;
using EmotionNet.Core;

namespace EmotionNet.Vision.Faces;

/// <summary>
/// The YuNet ONNX model embedded in this assembly, written once to a file because OpenCV's
/// FaceDetectorYN reads only paths. The file is named by the model's hash in the temporary folder, so
/// processes share it, and it is checked against the hash before reuse (a truncated or altered copy is
/// rewritten).
/// </summary>
internal static class YuNetModelResource
{
    internal const string ResourceName = "EmotionNet.Vision.face_detection_yunet_2023mar.onnx";

    private static readonly Lazy<string> CachedPath = new(Write);

    /// <summary>Path of a file holding the shipped model, written on first use.</summary>
    public static string Path => CachedPath.Value;

    private static string Write()
    {
        using var stream = typeof(YuNetModelResource).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new EmotionNetException($"The face-detector model '{ResourceName}' is missing from {typeof(YuNetModelResource).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"emotionnet-yunet-{hash[..16]}.onnx");
        if (File.Exists(path) && Matches(path, hash)) return path;

        // Written beside the target and moved over it, so a process reading the file never sees half of it.
        var partial = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(partial, bytes);
            File.Move(partial, path, overwrite: true);
        }
        catch (IOException e)
        {
            throw new EmotionNetException($"Could not write the face-detector model to '{path}': {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new EmotionNetException($"Could not write the face-detector model to '{path}': {e.Message}");
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
        return path;
    }

    private static bool Matches(string path, string hash)
    {
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) == hash;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
