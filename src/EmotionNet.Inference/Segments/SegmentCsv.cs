using System.Globalization;
using System.Text;
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
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.NewLine = "\n";
            writer.WriteLine(Header);
            var row = new StringBuilder();
            foreach (var segment in segments) writer.WriteLine(AppendFields(row.Clear(), segment));
        });
    }

    /// <summary>Appends one segment's fields (no line end): the row layout shared with the batch's combined file.</summary>
    internal static StringBuilder AppendFields(StringBuilder row, EmotionSegment segment) => row
        .Append(Quote(segment.Source)).Append(',')
        .Append(Number(segment.TrackId)).Append(',')
        .Append(segment.Emotion).Append(',')
        .Append(segment.Timed ? segment.StartSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "").Append(',')
        .Append(segment.Timed ? segment.EndSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "").Append(',')
        .Append(Number(segment.StartFrame)).Append(',')
        .Append(Number(segment.EndFrame)).Append(',')
        .Append(Number(segment.Frames)).Append(',')
        .Append(segment.MeanConfidence.ToString("0.####", CultureInfo.InvariantCulture)).Append(',')
        .Append(Number(segment.UncertainFrames));

    /// <summary>A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break.</summary>
    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
