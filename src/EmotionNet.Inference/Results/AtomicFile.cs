namespace EmotionNet.Inference.Results;

/// <summary>
/// Writes output files so that a reader never sees half a file: the content goes to
/// <c>name.tmp</c> in the same folder, which then replaces <c>name</c> in one rename.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The temporary path used for <paramref name="path"/>.</summary>
    public static string TempPathFor(string path) => path + ".tmp";

    /// <summary>Writes <paramref name="write"/>'s output to <paramref name="path"/> atomically.</summary>
    /// <exception cref="EmotionNetException">The file cannot be written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temp = TempPathFor(path);
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
                write(stream);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new EmotionNetException($"Could not write '{path}': {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlyMemory<byte> bytes) => Write(path, s => s.Write(bytes.Span));

    /// <summary>Writes UTF-8 <paramref name="text"/> (no byte-order mark) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>Moves a finished temporary file onto <paramref name="path"/>, replacing it.</summary>
    public static void Commit(string temporaryPath, string path)
    {
        try
        {
            File.Move(temporaryPath, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmotionNetException($"Could not write '{path}': {e.Message}", e);
        }
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stale .tmp file is harmless and is replaced by the next run.
        }
    }
}
