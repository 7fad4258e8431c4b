namespace EmotionNet.Inference.Batch;

/// <summary>The names a batch writes under its output folder.</summary>
public static class BatchFiles
{
    /// <summary>The combined report: one row per input and face.</summary>
    public const string ReportCsv = "batch.csv";

    /// <summary>The combined report as JSON.</summary>
    public const string ReportJson = "batch.json";

    /// <summary>Every done input's segments.csv rows in plan order, each led by the input's name and folder.</summary>
    public const string SegmentsCsv = "batch-segments.csv";

    /// <summary>The combined segments as JSON, with the done inputs that have no segments.json listed.</summary>
    public const string SegmentsJson = "batch-segments.json";

    /// <summary>The batch summary plot.</summary>
    public const string ReportPlot = "batch.png";

    /// <summary>The whole plan and this folder's shard; <c>emotionnet merge</c> checks shards against it.</summary>
    public const string Plan = "batch-plan.json";

    /// <summary>Where an input is analyzed before its folder is moved under its final name.</summary>
    public const string Staging = ".partial";

    /// <summary>Written last into an input's folder, atomically: the input is complete and a rerun skips it.</summary>
    public const string Done = "done.json";

    /// <summary>The only file of a failed input's folder: its error. A rerun tries the input again.</summary>
    public const string Error = "error.json";
}
