using System.Text.Json;
using EmotionNet.Core;
using EmotionNet.Core.IO;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Segments;

namespace EmotionNet.Inference.Batch;

/// <summary>
/// The batch's combined segments: each done input's stored segments.json, in plan order, as
/// <see cref="BatchFiles.SegmentsCsv"/> (<c>input,folder,</c> then the columns of segments.csv) and
/// <see cref="BatchFiles.SegmentsJson"/>. Built from the stored files, one input at a time (never the whole
/// batch in memory), so one process over a batch and a merge of its shards write the same bytes. Failed
/// and pending inputs have no rows (batch.csv gives their status); a done input whose folder has no
/// segments.json (analyzed before segments were written) has none either and is listed under
/// <c>without_segments</c> in the JSON rather than passed off as an input without segments.
/// </summary>
public static class BatchSegments
{
    /// <summary>The CSV header: <c>input,folder,</c> and <see cref="SegmentCsv.Header"/>.</summary>
    public const string CsvHeader = "input,folder," + SegmentCsv.Header;

    /// <summary>Writes both files into <paramref name="folder"/>, each atomically; returns their full paths.</summary>
    /// <param name="folder">The batch (or merge) output folder.</param>
    /// <param name="inputs">Every input's record in plan order, with the folder its outputs are in.</param>
    /// <exception cref="EmotionNetException">A segments.json cannot be read, or a file cannot be written.</exception>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<(BatchRecord Record, string InputFolder)> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        AtomicFile.EnsureDirectory(folder);
        var csv = Path.Combine(folder, BatchFiles.SegmentsCsv);
        var jsonPath = Path.Combine(folder, BatchFiles.SegmentsJson);
        var done = inputs.Where(i => i.Record.Status == BatchStatus.Done).ToArray();
        var missing = done.Where(i => !File.Exists(SegmentsFile(i.InputFolder))).Select(i => i.Record.Input).ToArray();

        // Both files in one pass, so each input's segments.json is read once; each file is still replaced atomically.
        AtomicFile.Write(csv, csvStream => AtomicFile.Write(jsonPath, jsonStream => CsvFiles.Write(csvStream, rows =>
        {
            rows.WriteRow(CsvHeader.Split(','));
            using var json = new Utf8JsonWriter(jsonStream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteNumber("inputs", inputs.Count);
            json.WriteNumber("done", done.Length);
            json.WriteStartArray("without_segments");
            foreach (var name in missing) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteStartArray("segments");
            foreach (var (record, segments) in Segments(done))
            {
                foreach (var segment in segments)
                {
                    rows.WriteField(record.Input);
                    rows.WriteField(record.Folder);
                    SegmentCsv.WriteFields(rows, segment);
                    rows.NextRecord();
                    json.WriteStartObject();
                    json.WriteString("input", record.Input);
                    json.WriteString("folder", record.Folder);
                    SegmentJson.WriteFields(json, segment);
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        })));
        return [Path.GetFullPath(csv), Path.GetFullPath(jsonPath)];
    }

    private static string SegmentsFile(string inputFolder) => Path.Combine(inputFolder, OutputOptions.SegmentsJson);

    // Lazily, one input's segments at a time: a batch of hundreds of long recordings is never held whole.
    private static IEnumerable<(BatchRecord Record, IReadOnlyList<EmotionSegment> Segments)> Segments(IEnumerable<(BatchRecord Record, string InputFolder)> done)
    {
        foreach (var (record, inputFolder) in done)
        {
            var file = SegmentsFile(inputFolder);
            if (File.Exists(file)) yield return (record, SegmentJson.Read(file));
        }
    }
}
