using System.Globalization;
using System.Text;
using System.Text.Json;
using EmotionNet.Core.Emotions;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Results;

/// <summary>What a whole input showed: frames with and without faces, and each face's emotions.</summary>
/// <param name="Input">The input's name (path or camera).</param>
/// <param name="Classes">The classes, in the order of every share list.</param>
/// <param name="FramesProcessed">Frames analyzed.</param>
/// <param name="FramesWithFaces">Frames in which at least one face was found.</param>
/// <param name="FramesWithoutFaces">Frames in which no face was found.</param>
/// <param name="DurationSeconds">Time of the last processed frame.</param>
/// <param name="Dominant">The emotion labelled most often over all faces and frames; null without faces.</param>
/// <param name="Shares">Fraction of all face-frames labelled with each class, in class order (all 0 without faces).</param>
/// <param name="Faces">One summary per tracked face, by id.</param>
public sealed record AnalysisSummary(
    string Input,
    ClassSet Classes,
    int FramesProcessed,
    int FramesWithFaces,
    int FramesWithoutFaces,
    double DurationSeconds,
    Emotion? Dominant,
    IReadOnlyList<double> Shares,
    IReadOnlyList<FaceSummary> Faces)
{
    /// <summary>Files of the input that were not analyzed (unreadable, corrupt, over the pixel limit), each with its reason; empty when none.</summary>
    public IReadOnlyList<SkippedInput> Skipped { get; init; } = [];

    /// <summary>
    /// False for independent photos: their frames have no time, so <see cref="DurationSeconds"/> and each
    /// face's first and last times mean nothing (summary.json writes them as null), and each face names its photo.
    /// </summary>
    public bool Timed { get; init; } = true;

    /// <summary>The summary as indented JSON (snake_case fields, shares keyed by class name, <c>skipped</c>: each skipped file with its reason).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("input", Input);
            json.WriteString("class_set", Classes.Name);
            json.WriteNumber("frames_processed", FramesProcessed);
            json.WriteNumber("frames_with_faces", FramesWithFaces);
            json.WriteNumber("frames_without_faces", FramesWithoutFaces);
            Seconds(json, "duration_s", DurationSeconds);
            if (Dominant is { } d) json.WriteString("dominant", d.ToString()); else json.WriteNull("dominant");
            WriteShares(json, "shares", Shares);
            json.WriteStartArray("faces");
            foreach (var face in Faces)
            {
                json.WriteStartObject();
                json.WriteNumber("face_id", face.FaceId);
                if (face.Source is { } source) json.WriteString("source", source);
                json.WriteNumber("frames", face.Frames);
                Seconds(json, "first_s", face.FirstSeconds);
                Seconds(json, "last_s", face.LastSeconds);
                json.WriteString("dominant", face.Dominant.ToString());
                WriteShares(json, "shares", face.Shares);
                json.WriteNumber("uncertain_frames", face.UncertainFrames);
                json.WriteNumber("mean_confidence", Math.Round(face.MeanConfidence, 4));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("skipped");
            foreach (var skipped in Skipped)
            {
                json.WriteStartObject();
                json.WriteString("file", skipped.Path);
                json.WriteString("reason", skipped.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// A plain-text table: one row per face, then the whole input, with the share of each class in percent;
    /// for independent photos a <c>photo</c> column names each face's photo.
    /// </summary>
    public string ToTable()
    {
        var names = Classes.ClassNames;
        var photos = Faces.Any(f => f.Source is not null);
        var header = new List<string> { "face", "frames", "dominant" };
        if (photos) header.Insert(1, "photo");
        header.AddRange(names);
        var rows = new List<IReadOnlyList<string>> { header };
        foreach (var face in Faces)
            rows.Add(Row(face.FaceId.ToString(CultureInfo.InvariantCulture), photos ? face.Source ?? "" : null, face.Frames, face.Dominant.ToString(), face.Shares));
        rows.Add(Row("all", photos ? "" : null, FramesWithFaces, Dominant?.ToString() ?? "-", Shares));
        var textColumns = photos ? 4 : 3;
        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Input}: {FramesProcessed} {(Timed ? "frame(s)" : "photo(s)")}, {FramesWithFaces} with faces, {FramesWithoutFaces} without, {Faces.Count} face(s)\n");
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                if (c > 0) text.Append("  ");
                text.Append(c < textColumns ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]));
            }
            text.Append('\n');
        }
        if (Skipped.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"skipped {Skipped.Count} file(s):\n");
            foreach (var skipped in Skipped) text.Append(CultureInfo.InvariantCulture, $"  {skipped.Path}: {skipped.Reason}\n");
        }
        return text.ToString();
    }

    /// <summary>A share as a percentage with one decimal, e.g. "42.5%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static List<string> Row(string id, string? photo, int frames, string dominant, IReadOnlyList<double> shares)
    {
        var row = new List<string> { id, frames.ToString(CultureInfo.InvariantCulture), dominant };
        if (photo is not null) row.Insert(1, photo);
        row.AddRange(shares.Select(Percent));
        return row;
    }

    private void Seconds(Utf8JsonWriter json, string name, double seconds)
    {
        if (Timed) json.WriteNumber(name, Math.Round(seconds, 3));
        else json.WriteNull(name);
    }

    private void WriteShares(Utf8JsonWriter json, string name, IReadOnlyList<double> shares)
    {
        json.WriteStartObject(name);
        for (var c = 0; c < Classes.Count; c++) json.WriteNumber(Classes.ClassNames[c], Math.Round(shares[c], 4));
        json.WriteEndObject();
    }
}
