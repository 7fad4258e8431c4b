using System.Text.Json;
using System.Text.Json.Serialization;
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
    public static void Write(string path, string checkpoint, IReadOnlyDictionary<string, ClassificationMetrics> splits)
    {
        var document = new MetricsDocument(checkpoint, DateTimeOffset.UtcNow, splits);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(document, Json));
    }

    /// <summary>Reads a metrics file written by <see cref="Write"/>.</summary>
    public static MetricsDocument Read(string path) =>
        JsonSerializer.Deserialize<MetricsDocument>(File.ReadAllText(path), Json) ?? throw new EmotionNetException($"'{path}' holds no metrics.");
}

/// <summary>The content of <c>metrics.json</c>.</summary>
/// <param name="Checkpoint">The checkpoint evaluated.</param>
/// <param name="CreatedUtc">When it was written.</param>
/// <param name="Splits">Metrics by split name.</param>
public sealed record MetricsDocument(string Checkpoint, DateTimeOffset CreatedUtc, IReadOnlyDictionary<string, ClassificationMetrics> Splits);
