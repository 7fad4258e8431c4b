using System.Text.Json;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.IO;
using EmotionNet.Inference.Analysis;

namespace EmotionNet.Inference.Results;

/// <summary>
/// Per-frame JSON: <c>{ "input", "classes": [...], "frames": [ { "frame", "time_s", "width", "height",
/// "source_name", "faces": [ { "face_id", "x", "y", "w", "h", "label", "confidence", "uncertain",
/// "probabilities": { class: p } } ] } ] }</c>.
/// </summary>
public static class JsonResultWriter
{
    /// <summary>Writes <paramref name="frames"/> of <paramref name="input"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="input">The input's name, as given.</param>
    /// <param name="frames">The results, in order.</param>
    /// <param name="classes">The classes of every probability list.</param>
    /// <param name="timed">False for independent photos: they have no time, so <c>time_s</c> is null.</param>
    public static void Write(string path, string input, IEnumerable<FrameResult> frames, ClassSet classes, bool timed = true)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(classes);
        var names = classes.ClassNames;
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("input", input);
            json.WriteStartArray("classes");
            foreach (var name in names) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteStartArray("frames");
            foreach (var frame in frames)
            {
                json.WriteStartObject();
                json.WriteNumber("frame", frame.FrameIndex);
                if (timed) json.WriteNumber("time_s", Math.Round(frame.TimeSeconds, 3)); else json.WriteNull("time_s");
                json.WriteNumber("width", frame.Width);
                json.WriteNumber("height", frame.Height);
                if (frame.SourceName is { } source) json.WriteString("source_name", source);
                json.WriteStartArray("faces");
                foreach (var face in frame.Faces)
                {
                    json.WriteStartObject();
                    json.WriteNumber("face_id", face.FaceId);
                    json.WriteNumber("x", face.Box.X);
                    json.WriteNumber("y", face.Box.Y);
                    json.WriteNumber("w", face.Box.Width);
                    json.WriteNumber("h", face.Box.Height);
                    json.WriteString("label", face.Label.ToString());
                    json.WriteNumber("confidence", Math.Round(face.Confidence, 4));
                    json.WriteBoolean("uncertain", face.Uncertain);
                    json.WriteStartObject("probabilities");
                    for (var c = 0; c < names.Count && c < face.Probabilities.Count; c++) json.WriteNumber(names[c], Math.Round(face.Probabilities[c], 4));
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
