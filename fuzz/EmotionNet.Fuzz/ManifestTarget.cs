using System.Text;
using EmotionNet.Core;
using EmotionNet.Inference.Batch;

namespace EmotionNet.Fuzz;

/// <summary>
/// <c>manifest</c>: the input as a batch manifest (<see cref="BatchPlan.FromManifest"/>) in a folder
/// holding a few videos, images and subfolders, so lines can name real inputs, folders and globs.
/// Allowed: <see cref="EmotionNetException"/> (<see cref="ManifestException"/> for a bad line).
/// </summary>
internal static class ManifestTarget
{
    private static string? folder;

    public static void Run(Stream input)
    {
        var manifest = Path.Combine(Folder(), "study.txt");
        File.WriteAllBytes(manifest, Confine(Targets.ReadAll(input)));
        try
        {
            _ = BatchPlan.FromManifest(manifest);
        }
        catch (EmotionNetException)
        {
        }
    }

    /// <summary>
    /// Keeps every line inside the scratch folder: a leading '/' and '..' are dropped, so a line such as
    /// '/**' cannot make the fuzzer walk the whole disk (a rooted path takes the same code path as a relative one).
    /// </summary>
    private static byte[] Confine(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes).Replace("..", ".", StringComparison.Ordinal);
        var lines = text.Split('\n').Select(l => l.TrimStart().TrimStart('/', '\\'));
        return Encoding.Latin1.GetBytes(string.Join('\n', lines));
    }

    private static string Folder()
    {
        if (folder is not null) return folder;
        folder = Path.Combine(FuzzFolder.Root, "manifest");
        foreach (var file in new[] { "a.mp4", "b.avi", "day2/c.mp4", "day2/deep/d.mkv", "photos/1.png", "photos/2.jpg", "notes.txt", "x.png" })
        {
            var path = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [1]);
        }
        Directory.CreateDirectory(Path.Combine(folder, "empty"));
        return folder;
    }
}
