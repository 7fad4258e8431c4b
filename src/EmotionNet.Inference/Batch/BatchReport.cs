using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using EmotionNet.Core.IO;

namespace EmotionNet.Inference.Batch;

/// <summary>
/// The combined report of a batch: one row per input and face (an input without faces, or one that
/// failed or is pending, gets one row with empty face fields). Written as <see cref="BatchFiles.ReportCsv"/>
/// and <see cref="BatchFiles.ReportJson"/> (and <see cref="BatchFiles.ReportPlot"/> with plots). It holds
/// no times or machine names, so the same records always give the same bytes.
/// </summary>
/// <param name="Classes">Class names, in the order of every share list.</param>
/// <param name="Records">One record per input, in plan order.</param>
public sealed record BatchReport(IReadOnlyList<string> Classes, IReadOnlyList<BatchRecord> Records)
{
    /// <summary>Inputs analyzed.</summary>
    public int Done => Records.Count(r => r.Status == BatchStatus.Done);

    /// <summary>Inputs that failed.</summary>
    public int Failed => Records.Count(r => r.Status == BatchStatus.Failed);

    /// <summary>Inputs not analyzed yet.</summary>
    public int Pending => Records.Count(r => r.Status == BatchStatus.Pending);

    /// <summary>The fraction of an input's face-frames labelled with each class (all 0 without faces).</summary>
    public static IReadOnlyList<double> InputShares(BatchRecord record, int classCount)
    {
        ArgumentNullException.ThrowIfNull(record);
        var total = record.Faces.Sum(f => f.Frames);
        return Enumerable.Range(0, classCount).Select(c => total == 0 ? 0 : record.Faces.Sum(f => f.Frames * f.Shares[c]) / total).ToArray();
    }

    /// <summary>The CSV header: input, folder, status, error, frames_processed, face_id, frames, dominant, share_&lt;class&gt;..., uncertain_share, mean_confidence.</summary>
    public string CsvHeader() =>
        "input,folder,status,error,frames_processed,face_id,frames,dominant," + string.Join(',', Classes.Select(c => "share_" + c.ToLowerInvariant())) + ",uncertain_share,mean_confidence";

    /// <summary>The report as CSV (RFC 4180 quoting, '\n' line ends).</summary>
    public string ToCsv() => CsvFiles.ToText(WriteCsv);

    private void WriteCsv(CsvWriter csv)
    {
        csv.WriteRow(CsvHeader().Split(','));
        foreach (var record in Records)
        {
            foreach (var face in record.Faces.Count == 0 ? [null] : record.Faces.Cast<BatchFace?>())
            {
                csv.WriteField(record.Input);
                csv.WriteField(record.Folder);
                csv.WriteField(BatchRecord.StatusName(record.Status));
                csv.WriteField(record.Error ?? "");
                csv.WriteField(Number(record.FramesProcessed));
                if (face is null)
                {
                    csv.WriteEmpty(3 + Classes.Count + 2);
                }
                else
                {
                    csv.WriteField(Number(face.FaceId));
                    csv.WriteField(Number(face.Frames));
                    csv.WriteField(face.Dominant);
                    foreach (var share in face.Shares) csv.WriteField(Number(share));
                    csv.WriteField(Number(face.UncertainShare));
                    csv.WriteField(Number(face.MeanConfidence));
                }
                csv.NextRecord();
            }
        }
    }

    /// <summary>The report as indented JSON: counts, classes, then the same rows as the CSV.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("inputs", Records.Count);
            json.WriteNumber("done", Done);
            json.WriteNumber("failed", Failed);
            json.WriteNumber("pending", Pending);
            json.WriteStartArray("classes");
            foreach (var c in Classes) json.WriteStringValue(c);
            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var record in Records)
            {
                foreach (var face in record.Faces.Count == 0 ? [null] : record.Faces.Cast<BatchFace?>())
                {
                    json.WriteStartObject();
                    json.WriteString("input", record.Input);
                    json.WriteString("folder", record.Folder);
                    json.WriteString("status", BatchRecord.StatusName(record.Status));
                    if (record.Error is null) json.WriteNull("error"); else json.WriteString("error", record.Error);
                    json.WriteNumber("frames_processed", record.FramesProcessed);
                    if (face is null)
                    {
                        json.WriteNull("face_id");
                    }
                    else
                    {
                        face.WriteFields(json, Classes);
                    }
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes batch.csv, batch.json and (with <paramref name="plots"/>) batch.png into <paramref name="folder"/>, each atomically; returns their paths.</summary>
    public IReadOnlyList<string> Write(string folder, IBatchPlots? plots)
    {
        AtomicFile.EnsureDirectory(folder);
        var files = new List<string> { Path.Combine(folder, BatchFiles.ReportCsv), Path.Combine(folder, BatchFiles.ReportJson) };
        CsvFiles.Write(files[0], WriteCsv);
        AtomicFile.WriteAllText(files[1], ToJson());
        if (plots is not null)
        {
            files.Add(Path.Combine(folder, BatchFiles.ReportPlot));
            plots.SaveBatchSummary(files[2], this);
        }
        return files.Select(Path.GetFullPath).ToArray();
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
