using System.Globalization;
using CsvHelper;
using EmotionNet.Core.IO;

namespace EmotionNet.Inference.Segments;

/// <summary>
/// segments.csv: <c>source,face_id,emotion,start_s,end_s,start_frame,end_frame,frames,mean_confidence,uncertain_frames</c>,
/// one row per segment, invariant culture, RFC 4180 quoting (a source name may hold a comma), '\n' line ends.
/// Times have 3 decimals and confidences 4, as in frames.csv; independent photos leave them empty.
/// </summary>
public static class SegmentCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "source,face_id,emotion,start_s,end_s,start_frame,end_frame,frames,mean_confidence,uncertain_frames";

    /// <summary>Writes the header and one row per segment to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IEnumerable<EmotionSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        CsvFiles.Write(path, csv =>
        {
            csv.WriteRow(Header.Split(','));
            foreach (var segment in segments)
            {
                WriteFields(csv, segment);
                csv.NextRecord();
            }
        });
    }

    /// <summary>Writes one segment's fields (the record is not ended): the row layout shared with the batch's combined file.</summary>
    internal static void WriteFields(CsvWriter csv, EmotionSegment segment)
    {
        csv.WriteField(segment.Source);
        csv.WriteField(Number(segment.TrackId));
        csv.WriteField(segment.Emotion.ToString());
        csv.WriteField(segment.Timed ? segment.StartSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "");
        csv.WriteField(segment.Timed ? segment.EndSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "");
        csv.WriteField(Number(segment.StartFrame));
        csv.WriteField(Number(segment.EndFrame));
        csv.WriteField(Number(segment.Frames));
        csv.WriteField(segment.MeanConfidence.ToString("0.####", CultureInfo.InvariantCulture));
        csv.WriteField(Number(segment.UncertainFrames));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
