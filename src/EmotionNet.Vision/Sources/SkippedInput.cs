namespace EmotionNet.Vision.Sources;

/// <summary>A file of a folder that was not analyzed, and why (unreadable, corrupt, or over the pixel limit); the run went on without it.</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">Why it was skipped, as a sentence naming the file.</param>
public sealed record SkippedInput(string Path, string Reason)
{
    /// <summary>The option that would let the file through (<c>AnalyzerOptions.MaxImagePixels</c> for an image over the pixel limit), as <c>Record.Field</c>; null when none would.</summary>
    public string? Option { get; init; }
}
