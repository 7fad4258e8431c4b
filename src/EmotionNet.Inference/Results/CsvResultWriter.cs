using EmotionNet.IO;
using System.Globalization;
using System.Text;
using EmotionNet.Emotions;
using EmotionNet.Inference.Analysis;

namespace EmotionNet.Inference.Results;

/// <summary>
/// Per-frame CSV: <c>frame,time_s,face_id,x,y,w,h,label,confidence,uncertain,p_&lt;class&gt;...</c>, one row
/// per face; a frame without faces gets one row whose face fields are empty.
/// </summary>
public static class CsvResultWriter
{
    /// <summary>The header line for <paramref name="classes"/>.</summary>
    public static string Header(ClassSet classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        return "frame,time_s,face_id,x,y,w,h,label,confidence,uncertain," + string.Join(',', classes.ClassNames.Select(n => "p_" + n.ToLowerInvariant()));
    }

    /// <summary>Writes <paramref name="frames"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IEnumerable<FrameResult> frames, ClassSet classes)
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
                    row.Clear().Append(Invariant(frame.FrameIndex)).Append(',').Append(Seconds(frame.TimeSeconds)).Append(',', 8 + classes.Count);
                    writer.WriteLine(row);
                    continue;
                }
                foreach (var face in frame.Faces)
                {
                    row.Clear()
                        .Append(Invariant(frame.FrameIndex)).Append(',')
                        .Append(Seconds(frame.TimeSeconds)).Append(',')
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

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Probability(float value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
