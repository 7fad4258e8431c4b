namespace EmotionNet.IO;

/// <summary>
/// Writes files so that a crash at any moment leaves either the old file or the complete new
/// one under the final name, never a half-written file: write a temporary sibling, flush it to
/// disk, then rename it over the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteVia(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            write(stream);
            stream.Flush(flushToDisk: true);
        });
    }

    /// <summary>Writes text atomically (UTF-8).</summary>
    public static void WriteAllText(string path, string contents) =>
        Write(path, s => { using var w = new StreamWriter(s, leaveOpen: true); w.Write(contents); });

    /// <summary>
    /// Atomic write for APIs that insist on writing a path themselves (image encoders): they write
    /// a temporary path with the same extension, which then replaces <paramref name="path"/>.
    /// </summary>
    public static void WriteVia(string path, Action<string> writeTo)
    {
        ArgumentNullException.ThrowIfNull(writeTo);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            writeTo(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
