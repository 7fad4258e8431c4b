using System.Globalization;
using CsvHelper;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.IO;
using EmotionNet.Inference.Analysis;

namespace EmotionNet.Inference.Results;

/// <summary>
/// Per-frame CSV: <c>frame,source,time_s,face_id,x,y,w,h,label,confidence,uncertain,p_&lt;class&gt;...</c>, one row
/// per face; a frame without faces gets one row whose face fields are empty. <c>source</c> is the image's
/// file name for image inputs (empty for a video or camera), RFC 4180-quoted when it holds a comma or quote;
/// <c>time_s</c> is empty when the frames have no time (independent photos).
/// </summary>
public static class CsvResultWriter
{
    private static readonly string[] FaceColumns = ["frame", "source", "time_s", "face_id", "x", "y", "w", "h", "label", "confidence", "uncertain"];

    /// <summary>The header line for <paramref name="classes"/>.</summary>
    public static string Header(ClassSet classes) => string.Join(',', Columns(classes));

    /// <summary>Writes <paramref name="frames"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="frames">The results, in order.</param>
    /// <param name="classes">The classes of every probability list.</param>
    /// <param name="timed">False for independent photos: they have no time, so <c>time_s</c> is left empty.</param>
    public static void Write(string path, IEnumerable<FrameResult> frames, ClassSet classes, bool timed = true)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(classes);
        CsvFiles.Write(path, csv =>
        {
            csv.WriteRow(Columns(classes));
            foreach (var frame in frames)
            {
                if (frame.Faces.Count == 0)
                {
                    WriteFrame(csv, frame, timed);
                    csv.WriteEmpty(FaceColumns.Length - 3 + classes.Count);
                    csv.NextRecord();
                    continue;
                }
                foreach (var face in frame.Faces)
                {
                    WriteFrame(csv, frame, timed);
                    csv.WriteField(Invariant(face.FaceId));
                    csv.WriteField(Invariant(face.Box.X));
                    csv.WriteField(Invariant(face.Box.Y));
                    csv.WriteField(Invariant(face.Box.Width));
                    csv.WriteField(Invariant(face.Box.Height));
                    csv.WriteField(face.Label.ToString());
                    csv.WriteField(Probability(face.Confidence));
                    csv.WriteField(face.Uncertain ? "true" : "false");
                    foreach (var p in face.Probabilities) csv.WriteField(Probability(p));
                    csv.NextRecord();
                }
            }
        });
    }

    private static IEnumerable<string> Columns(ClassSet classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return FaceColumns.Concat(classes.ClassNames.Select(n => "p_" + n.ToLowerInvariant()));
    }

    private static void WriteFrame(CsvWriter csv, FrameResult frame, bool timed)
    {
        csv.WriteField(Invariant(frame.FrameIndex));
        csv.WriteField(frame.SourceName ?? "");
        csv.WriteField(timed ? Seconds(frame.TimeSeconds) : "");
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Probability(float value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
