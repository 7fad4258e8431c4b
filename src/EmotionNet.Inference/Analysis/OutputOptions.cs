using EmotionNet.Inference.Results;

namespace EmotionNet.Inference.Analysis;

/// <summary>What an analysis run writes, and where.</summary>
/// <param name="Directory">Folder for every output (created when missing).</param>
/// <param name="Annotate">Also write an annotated video (videos, cameras) or annotated PNGs (images) (default false).</param>
/// <param name="Plots">
/// Draws the emotion timeline PNG (default null: no plot). EmotionNet.Plotting's
/// <c>AnalysisPlots.Instance</c> draws it with ScottPlot; this library references no plotting package.
/// </param>
public sealed record OutputOptions(string Directory, bool Annotate = false, IAnalysisPlots? Plots = null)
{
    /// <summary>Per-frame CSV file name.</summary>
    public const string FramesCsv = "frames.csv";

    /// <summary>Per-frame JSON file name.</summary>
    public const string FramesJson = "frames.json";

    /// <summary>Summary JSON file name.</summary>
    public const string SummaryJson = "summary.json";

    /// <summary>Summary table (plain text) file name.</summary>
    public const string SummaryText = "summary.txt";

    /// <summary>Timeline plot file name.</summary>
    public const string TimelinePng = "timeline.png";

    /// <summary>Annotated video base name (".mp4", or ".avi" when mp4v is unavailable).</summary>
    public const string AnnotatedVideo = "annotated";

    /// <summary>Sub-folder of annotated PNGs for image inputs.</summary>
    public const string AnnotatedImages = "annotated";
}
