using System.Text.Json;
using EmotionNet.Core;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.IO;

namespace EmotionNet.Inference.Segments;

/// <summary>
/// segments.json: <c>{ "input", "gap_s", "frame_interval_s", "segments": [ { "source", "face_id", "emotion",
/// "start_s", "end_s", "start_frame", "end_frame", "frames", "mean_confidence", "uncertain_frames" } ] }</c>,
/// snake_case as frames.json. <c>frame_interval_s</c> is what was added to each segment's last frame time
/// to give <c>end_s</c> (null for independent photos, whose <c>start_s</c> and <c>end_s</c> are null too: no time). Times are rounded to 3 decimals and
/// confidences to 4, as in frames.json.
/// </summary>
public static class SegmentJson
{
    /// <summary>Writes the segments of <paramref name="input"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="input">The input's name, as frames.json's <c>input</c>.</param>
    /// <param name="segments">The segments, in the order to write them.</param>
    /// <param name="options">The options they were cut with (written as <c>gap_s</c>).</param>
    /// <param name="frameInterval">The interval given to <see cref="SegmentBuilder"/> (null for independent photos).</param>
    public static void Write(string path, string input, IEnumerable<EmotionSegment> segments, SegmentOptions options, double? frameInterval)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(options);
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("input", input);
            json.WriteNumber("gap_s", options.GapSeconds);
            if (frameInterval is { } interval) json.WriteNumber("frame_interval_s", Math.Round(interval, 6)); else json.WriteNull("frame_interval_s");
            json.WriteStartArray("segments");
            foreach (var segment in segments)
            {
                json.WriteStartObject();
                WriteFields(json, segment);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// The segments stored in a segments.json, as rounded there: the batch's combined files are built from
    /// them, so one process over a batch and a merge of its shards write the same bytes.
    /// </summary>
    /// <exception cref="EmotionNetException">The file cannot be read or is not a segments.json; the message names it.</exception>
    public static IReadOnlyList<EmotionSegment> Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.GetProperty("segments").EnumerateArray().Select(s => new EmotionSegment(
                s.GetProperty("source").GetString()!,
                s.GetProperty("face_id").GetInt32(),
                Enum.Parse<Emotion>(s.GetProperty("emotion").GetString()!),
                Seconds(s.GetProperty("start_s")),
                Seconds(s.GetProperty("end_s")),
                s.GetProperty("start_frame").GetInt32(),
                s.GetProperty("end_frame").GetInt32(),
                s.GetProperty("frames").GetInt32(),
                s.GetProperty("mean_confidence").GetDouble(),
                s.GetProperty("uncertain_frames").GetInt32()) { Timed = s.GetProperty("start_s").ValueKind != JsonValueKind.Null }).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new EmotionNetException($"Could not read '{path}': {e.Message}", e);
        }
    }

    private static double Seconds(JsonElement value) => value.ValueKind == JsonValueKind.Null ? 0 : value.GetDouble();

    /// <summary>Writes one segment's fields into the open JSON object: one layout for segments.json and the batch's combined file.</summary>
    internal static void WriteFields(Utf8JsonWriter json, EmotionSegment segment)
    {
        json.WriteString("source", segment.Source);
        json.WriteNumber("face_id", segment.TrackId);
        json.WriteString("emotion", segment.Emotion.ToString());
        if (segment.Timed)
        {
            json.WriteNumber("start_s", Math.Round(segment.StartSeconds, 3));
            json.WriteNumber("end_s", Math.Round(segment.EndSeconds, 3));
        }
        else
        {
            json.WriteNull("start_s"); // independent photos have no time
            json.WriteNull("end_s");
        }
        json.WriteNumber("start_frame", segment.StartFrame);
        json.WriteNumber("end_frame", segment.EndFrame);
        json.WriteNumber("frames", segment.Frames);
        json.WriteNumber("mean_confidence", Math.Round(segment.MeanConfidence, 4));
        json.WriteNumber("uncertain_frames", segment.UncertainFrames);
    }
}
