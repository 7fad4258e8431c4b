using EmotionNet.Core.Emotions;
using EmotionNet.Core.IO;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Core.Data;

/// <summary>Writes <see cref="FaceNotFound"/> entries as CSV: <c>file,class,split,reason</c>, one row per photo or clip, RFC 4180 quoting.</summary>
public static class FacesNotFoundCsv
{
    private static readonly string[] Header = ["file", "class", "split", "reason"];

    /// <summary>Writes <paramref name="photos"/> (labels of <paramref name="classes"/>) to <paramref name="path"/> atomically; a header line only when there are none.</summary>
    public static void Write(string path, IEnumerable<FaceNotFound> photos, ClassSet classes)
    {
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(classes);
        CsvFiles.Write(path, csv =>
        {
            csv.WriteRow(Header);
            foreach (var photo in photos)
            {
                csv.WriteField(photo.Path);
                csv.WriteField(classes.ClassNames[photo.Label]);
                csv.WriteField(photo.Split.ToString());
                csv.WriteField(IFaceImageDecoder.NoFaceFound);
                csv.NextRecord();
            }
        });
    }
}
