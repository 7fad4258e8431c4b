namespace EmotionNet.Data;

/// <summary>What loading skipped: a count and the first few reasons (each naming file and line).</summary>
/// <param name="Skipped">Rows or files skipped as invalid (only with skip-invalid on).</param>
/// <param name="FirstReasons">The first few reasons, each naming the file and line or file name.</param>
/// <param name="Warnings">Non-fatal notes, e.g. class folders outside the class set.</param>
public sealed record DataLoadReport(int Skipped, IReadOnlyList<string> FirstReasons, IReadOnlyList<string> Warnings)
{
    /// <summary>Nothing skipped, nothing to warn about.</summary>
    public static DataLoadReport Clean { get; } = new(0, [], []);
}
