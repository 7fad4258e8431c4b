namespace EmotionNet.Inference.Batch;

/// <summary>
/// Draws a batch's summary plot. The batch runner and merge depend on this seam, not on a plotting
/// library; EmotionNet.Plotting's <c>AnalysisPlots</c> implements it on ScottPlot.
/// </summary>
public interface IBatchPlots
{
    /// <summary>Writes a summary of <paramref name="report"/> (the share of each emotion per input) to <paramref name="path"/> (a PNG, atomically).</summary>
    void SaveBatchSummary(string path, BatchReport report);
}
