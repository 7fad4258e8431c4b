using EmotionNet.Core.Options;
using EmotionNet.Inference.Results;
using EmotionNet.Inference.Segments;

namespace EmotionNet.Inference.Analysis;

/// <summary>What an analysis run writes, and where.</summary>
public sealed record OutputOptions
{
    /// <summary>Folder for every output (created when missing); no default.</summary>
    public required string Directory { get; init; }

    /// <summary>Also write an annotated video (videos, cameras) or annotated PNGs (images) (default false).</summary>
    public bool Annotate { get; init; }

    /// <summary>
    /// Draws the emotion timeline PNG, or the per-face bars of independent photos (default null: no plot). EmotionNet.Plotting's
    /// <c>AnalysisPlots.Instance</c> draws it with ScottPlot; this library references no plotting package.
    /// </summary>
    public IAnalysisPlots? Plots { get; init; }

    /// <summary>How segments.csv and segments.json cut each face's frames into stretches of one emotion (default <see cref="SegmentOptions.Default"/>).</summary>
    public SegmentOptions Segments { get; init; } = SegmentOptions.Default;

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public OutputOptions Validate()
    {
        var check = new OptionCheck(nameof(OutputOptions));
        check.Require(Directory, !string.IsNullOrWhiteSpace(Directory), "must name a folder");
        ArgumentNullException.ThrowIfNull(Segments);
        Segments.Validate();
        return this;
    }

    /// <summary>Per-frame CSV file name.</summary>
    public const string FramesCsv = "frames.csv";

    /// <summary>Per-frame JSON file name.</summary>
    public const string FramesJson = "frames.json";

    /// <summary>Per-segment CSV file name: each face's stretches of one emotion (<see cref="SegmentCsv"/>).</summary>
    public const string SegmentsCsv = "segments.csv";

    /// <summary>Per-segment JSON file name (<see cref="SegmentJson"/>).</summary>
    public const string SegmentsJson = "segments.json";

    /// <summary>Summary JSON file name.</summary>
    public const string SummaryJson = "summary.json";

    /// <summary>Summary table (plain text) file name.</summary>
    public const string SummaryText = "summary.txt";

    /// <summary>Timeline plot file name (videos, cameras, sequences).</summary>
    public const string TimelinePng = "timeline.png";

    /// <summary>Per-face probability plot file name, written instead of the timeline for independent photos.</summary>
    public const string FacesPng = "faces.png";

    /// <summary>Annotated video base name (".mp4", or ".avi" when mp4v is unavailable).</summary>
    public const string AnnotatedVideo = "annotated";

    /// <summary>Sub-folder of annotated PNGs for image inputs.</summary>
    public const string AnnotatedImages = "annotated";
}
