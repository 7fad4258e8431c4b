using System.Text.Json;
using System.Text.Json.Serialization;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.IO;

namespace EmotionNet.Core.Evaluation;

/// <summary>Writes and reads <c>metrics.json</c>: per split, accuracy, macro-F1, per-class scores, confusion counts and class names.</summary>
public static class MetricsReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes the metrics of each split, with the checkpoint they describe, atomically.</summary>
    public static void Write(string path, string checkpoint, IReadOnlyDictionary<string, ClassificationMetrics> splits) =>
        Write(path, new MetricsDocument(checkpoint, DateTimeOffset.UtcNow, splits));

    /// <summary>Writes <paramref name="document"/> atomically.</summary>
    public static void Write(string path, MetricsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(document, Json));
    }

    /// <summary>Reads a metrics file written by <see cref="Write(string, MetricsDocument)"/>.</summary>
    public static MetricsDocument Read(string path) =>
        JsonSerializer.Deserialize<MetricsDocument>(File.ReadAllText(path), Json) ?? throw new EmotionNetException($"'{path}' holds no metrics.");
}

/// <summary>The content of <c>metrics.json</c>.</summary>
/// <param name="Checkpoint">The checkpoint evaluated.</param>
/// <param name="CreatedUtc">When it was written.</param>
/// <param name="Splits">Metrics by split name.</param>
public sealed record MetricsDocument(string Checkpoint, DateTimeOffset CreatedUtc, IReadOnlyDictionary<string, ClassificationMetrics> Splits)
{
    /// <summary>The input normalization the model was scored with (null where not recorded, as in a training run's metrics).</summary>
    public InputNormalization? Normalization { get; init; }

    /// <summary>True when <see cref="Normalization"/>'s contrast stretch was set for this evaluation (<c>--stretch-contrast on|off</c>) rather than taken from the model.</summary>
    public bool NormalizationOverridden { get; init; }

    /// <summary>How the faces of a folder of photos were found and what the photos without one do to the scores (null for face crops).</summary>
    public FaceSearchReport? Faces { get; init; }
}

/// <summary>The face-finding part of an evaluation on photos.</summary>
/// <param name="Method">How each image became a face, e.g. <c>YuNet, largest face, aligned on landmarks</c>.</param>
/// <param name="ImagesTakenWhole">Images used whole as face crops (48x48 ones under automatic face finding).</param>
/// <param name="ImagesSearched">Images a face was searched for.</param>
/// <param name="NotFoundList">The file listing every photo without a face found, or null when none was written.</param>
/// <param name="EndToEnd">By split name: scores over every photo, those without a face found counting as wrong.</param>
public sealed record FaceSearchReport(string Method, long ImagesTakenWhole, long ImagesSearched, string? NotFoundList, IReadOnlyDictionary<string, EndToEndMetrics> EndToEnd);
