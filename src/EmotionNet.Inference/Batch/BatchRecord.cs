using System.Text;
using System.Text.Json;
using EmotionNet.Core;
using EmotionNet.Core.IO;
using EmotionNet.Inference.Results;

namespace EmotionNet.Inference.Batch;

/// <summary>
/// What a batch knows of one input: its status, its error, and its faces. Stored as the input folder's
/// <see cref="BatchFiles.Done"/> or <see cref="BatchFiles.Error"/>, and reports are always built from the
/// stored records, so one process over a batch and a merge of its shards write the same bytes.
/// </summary>
/// <param name="Input">The input's <see cref="BatchInput.Name"/>.</param>
/// <param name="Folder">The input's <see cref="BatchInput.Folder"/>.</param>
/// <param name="Status">Done, failed or pending.</param>
/// <param name="Error">Why it failed; null otherwise.</param>
/// <param name="FramesProcessed">Frames analyzed (0 unless done).</param>
/// <param name="Faces">Its faces by id (empty unless done).</param>
public sealed record BatchRecord(string Input, string Folder, BatchStatus Status, string? Error, int FramesProcessed, IReadOnlyList<BatchFace> Faces)
{
    /// <summary>The record of an input analyzed into <paramref name="summary"/>, rounded as stored.</summary>
    public static BatchRecord Done(BatchInput input, AnalysisSummary summary)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(summary);
        var faces = summary.Faces.Select(f => new BatchFace(f.FaceId, f.Frames, f.Dominant.ToString(), f.Shares.Select(Round).ToArray(),
            Round(f.Frames == 0 ? 0 : (double)f.UncertainFrames / f.Frames), Round(f.MeanConfidence))).ToArray();
        return new BatchRecord(input.Name, input.Folder, BatchStatus.Done, null, summary.FramesProcessed, faces);
    }

    /// <summary>The record of an input that could not be analyzed.</summary>
    public static BatchRecord Failed(BatchInput input, string error)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new BatchRecord(input.Name, input.Folder, BatchStatus.Failed, error, 0, []);
    }

    /// <summary>The record of an input not analyzed yet.</summary>
    public static BatchRecord Pending(BatchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new BatchRecord(input.Name, input.Folder, BatchStatus.Pending, null, 0, []);
    }

    /// <summary>
    /// The stored record of <paramref name="input"/> under the batch folder <paramref name="root"/>: done,
    /// failed, or null when its folder holds neither marker (or one left by another input of that folder name).
    /// </summary>
    /// <exception cref="EmotionNetException">A marker is there but cannot be read; the message names it.</exception>
    public static BatchRecord? Read(string root, BatchInput input, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(classes);
        var folder = Path.Combine(root, input.Folder);
        foreach (var name in new[] { BatchFiles.Done, BatchFiles.Error })
        {
            var file = Path.Combine(folder, name);
            if (!File.Exists(file)) continue;
            var record = Parse(file, classes);
            return record.Input == input.Name ? record : null;
        }
        return null;
    }

    /// <summary>Writes the record as its input folder's marker (done.json or error.json), atomically.</summary>
    public string Save(string inputFolder, IReadOnlyList<string> classes)
    {
        if (Status == BatchStatus.Pending) throw new InvalidOperationException("A pending input has no marker.");
        var path = Path.Combine(inputFolder, Status == BatchStatus.Done ? BatchFiles.Done : BatchFiles.Error);
        AtomicFile.WriteAllText(path, ToJson(classes));
        return path;
    }

    /// <summary>The record as indented JSON, shares keyed by class name.</summary>
    public string ToJson(IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("input", Input);
            json.WriteString("folder", Folder);
            json.WriteString("status", StatusName(Status));
            if (Error is null) json.WriteNull("error"); else json.WriteString("error", Error);
            json.WriteNumber("frames_processed", FramesProcessed);
            json.WriteStartArray("faces");
            foreach (var face in Faces)
            {
                json.WriteStartObject();
                face.WriteFields(json, classes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>"done", "failed" or "pending", as reports write it.</summary>
    public static string StatusName(BatchStatus status) => status.ToString().ToLowerInvariant();

    private static BatchRecord Parse(string file, IReadOnlyList<string> classes)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            var status = Enum.Parse<BatchStatus>(root.GetProperty("status").GetString()!, ignoreCase: true);
            var faces = root.GetProperty("faces").EnumerateArray().Select(f =>
            {
                var shares = f.GetProperty("shares");
                return new BatchFace(f.GetProperty("face_id").GetInt32(), f.GetProperty("frames").GetInt32(), f.GetProperty("dominant").GetString()!,
                    classes.Select(c => shares.TryGetProperty(c, out var v) ? v.GetDouble()
                        : throw new EmotionNetException($"'{file}' has no share for class '{c}': it was written by a model with other classes.")).ToArray(),
                    f.GetProperty("uncertain_share").GetDouble(), f.GetProperty("mean_confidence").GetDouble());
            }).ToArray();
            var error = root.GetProperty("error");
            return new BatchRecord(root.GetProperty("input").GetString()!, root.GetProperty("folder").GetString()!, status,
                error.ValueKind == JsonValueKind.Null ? null : error.GetString(), root.GetProperty("frames_processed").GetInt32(), faces);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new EmotionNetException($"Could not read '{file}': {e.Message}", e);
        }
    }

    private static double Round(double value) => Math.Round(value, 4);
}
