using System.Globalization;
using System.Text;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.IO;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Segments;

namespace EmotionNet.Inference.Results;

/// <summary>
/// Per-frame CSV: <c>frame,source,time_s,face_id,x,y,w,h,label,confidence,uncertain,p_&lt;class&gt;...</c>, one row
/// per face; a frame without faces gets one row whose face fields are empty. <c>source</c> is the image's
/// file name for image inputs (empty for a video or camera), RFC 4180-quoted when it holds a comma or quote;
/// <c>time_s</c> is empty when the frames have no time (independent photos).
/// </summary>
public static class CsvResultWriter
{
    /// <summary>The header line for <paramref name="classes"/>.</summary>
    public static string Header(ClassSet classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return "frame,source,time_s,face_id,x,y,w,h,label,confidence,uncertain," + string.Join(',', classes.ClassNames.Select(n => "p_" + n.ToLowerInvariant()));
    }

    /// <summary>Writes <paramref name="frames"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="frames">The results, in order.</param>
    /// <param name="classes">The classes of every probability list.</param>
    /// <param name="timed">False for independent photos: they have no time, so <c>time_s</c> is left empty.</param>
    public static void Write(string path, IEnumerable<FrameResult> frames, ClassSet classes, bool timed = true)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(classes);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.NewLine = "\n";
            writer.WriteLine(Header(classes));
            var row = new StringBuilder();
            foreach (var frame in frames)
            {
                if (frame.Faces.Count == 0)
                {
                    AppendFrame(row.Clear(), frame, timed).Append(',', 8 + classes.Count);
                    writer.WriteLine(row);
                    continue;
                }
                foreach (var face in frame.Faces)
                {
                    AppendFrame(row.Clear(), frame, timed).Append(',')
                        .Append(Invariant(face.FaceId)).Append(',')
                        .Append(Invariant(face.Box.X)).Append(',')
                        .Append(Invariant(face.Box.Y)).Append(',')
                        .Append(Invariant(face.Box.Width)).Append(',')
                        .Append(Invariant(face.Box.Height)).Append(',')
                        .Append(face.Label).Append(',')
                        .Append(Probability(face.Confidence)).Append(',')
                        .Append(face.Uncertain ? "true" : "false");
                    foreach (var p in face.Probabilities) row.Append(',').Append(Probability(p));
                    writer.WriteLine(row);
                }
            }
        });
    }

    private static StringBuilder AppendFrame(StringBuilder row, FrameResult frame, bool timed) => row
        .Append(Invariant(frame.FrameIndex)).Append(',')
        .Append(frame.SourceName is { } source ? SegmentCsv.Quote(source) : "").Append(',')
        .Append(timed ? Seconds(frame.TimeSeconds) : "");

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Probability(float value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
