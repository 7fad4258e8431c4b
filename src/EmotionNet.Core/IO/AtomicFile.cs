namespace EmotionNet.Core.IO;

/// <summary>
/// Writes files so that a crash at any moment leaves either the old file or the complete new
/// one under the final name, never a half-written file: write a temporary sibling, flush it to
/// disk, then rename it over the target. I/O failures become an <see cref="EmotionNetException"/>
/// naming the file.
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
            // Commit flushes to disk; a writer may close the stream itself (a StreamWriter without leaveOpen).
            write(stream);
        });
    }

    /// <summary>Writes bytes atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlyMemory<byte> bytes) => Write(path, s => s.Write(bytes.Span));

    /// <summary>Writes text atomically (UTF-8, no byte-order mark).</summary>
    public static void WriteAllText(string path, string contents) => WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(contents));

    /// <summary>
    /// Atomic write for APIs that insist on writing a path themselves (image encoders): they write
    /// a temporary path with the same extension, which then replaces <paramref name="path"/>.
    /// </summary>
    public static void WriteVia(string path, Action<string> writeTo)
    {
        ArgumentNullException.ThrowIfNull(writeTo);
        var temp = TemporaryPathFor(path);
        try
        {
            writeTo(temp);
            Commit(temp, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a read-only folder: the user's problem to fix, so a message, not a stack trace.
            throw new EmotionNetException($"Could not write '{path}': {e.Message}", e);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Creates an output folder (and its parents) if missing.</summary>
    /// <exception cref="EmotionNetException">The folder cannot be created (a file of that name, no permission); the message names it.</exception>
    public static void EnsureDirectory(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmotionNetException($"Could not create the folder '{folder}': {e.Message}", e);
        }
    }

    /// <summary>
    /// A fresh temporary sibling of <paramref name="path"/> with the same extension (its folder is
    /// created), for writers that fill a file over time; <see cref="Commit"/> moves it into place.
    /// </summary>
    public static string TemporaryPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        EnsureDirectory(folder);
        return Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
    }

    /// <summary>
    /// Deletes the temporary files a killed writer left in <paramref name="directory"/> (never a file
    /// under a final name). Call it only where no other writer works in that folder, e.g. when a run starts.
    /// Returns how many were removed.
    /// </summary>
    public static int DeleteLeftovers(string directory)
    {
        if (!Directory.Exists(directory)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp*"))
        {
            if (!IsTemporaryName(Path.GetFileName(file))) continue;
            TryDelete(file);
            if (!File.Exists(file)) removed++;
        }
        return removed;
    }

    // ".<name>.<32 hex digits>.tmp<ext>", exactly what TemporaryPathFor makes.
    private static bool IsTemporaryName(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, @"^\..*\.[0-9a-f]{32}\.tmp(\.[^.]*)?$");

    /// <summary>Moves a finished temporary file onto <paramref name="path"/>, replacing it.</summary>
    public static void Commit(string temporaryPath, string path)
    {
        try
        {
            // Path writers (image encoders, the video writer) do not flush to disk; without this a crash
            // right after the rename could leave the final name pointing at blocks never written.
            using (var written = new FileStream(temporaryPath, FileMode.Open, FileAccess.ReadWrite)) written.Flush(flushToDisk: true);
            File.Move(temporaryPath, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmotionNetException($"Could not write '{path}': {e.Message}", e);
        }
    }

    /// <summary>Deletes a temporary file if it is there; best effort.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stale temporary file is harmless: it never carries a final name.
        }
    }
}
