namespace EmotionNet.Core.Data;

/// <summary>What loading skipped: a count and the first few reasons (each naming file and line).</summary>
/// <param name="Skipped">Rows or files skipped as invalid (only with skip-invalid on).</param>
/// <param name="FirstReasons">The first few reasons, each naming the file and line or file name.</param>
/// <param name="Warnings">Non-fatal notes, e.g. an empty clip folder or folders next to the split folders.</param>
public sealed record DataLoadReport(int Skipped, IReadOnlyList<string> FirstReasons, IReadOnlyList<string> Warnings)
{
    /// <summary>Nothing skipped, nothing to warn about.</summary>
    public static DataLoadReport Clean { get; } = new(0, [], []);

    /// <summary>
    /// Folder data sets: every class folder in the order read, with the class it was read as or why it
    /// was left out (a folder that names no emotion, such as <c>contempt</c>, or Disgust under
    /// <c>seed6</c>). Empty for a FER2013 CSV, whose labels are numbers.
    /// </summary>
    public IReadOnlyList<ClassFolderMapping> ClassFolders { get; init; } = [];

    /// <summary>
    /// Folder data sets read with a decoder that finds faces: every photo (or clip) in which none was
    /// found, in the order read. Not counted in <see cref="Skipped"/>: finding no face is an outcome of
    /// the pipeline, not invalid data.
    /// </summary>
    public IReadOnlyList<FaceNotFound> FacesNotFound { get; init; } = [];
}
