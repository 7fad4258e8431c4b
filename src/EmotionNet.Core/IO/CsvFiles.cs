using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace EmotionNet.Core.IO;

/// <summary>
/// The one way EmotionNet writes CSV (frames.csv, segments.csv, batch.csv, epochs.csv, no-face.csv...): CsvHelper
/// with the invariant culture, '\n' line ends, UTF-8 without a byte-order mark, and RFC 4180 quoting of exactly
/// the fields that need it (a comma, a double quote or a line break; quotes doubled). Callers write fields as
/// text they have formatted themselves, so each file keeps its documented number formats.
/// </summary>
internal static class CsvFiles
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        // CsvHelper would also quote a field with a leading or trailing space; RFC 4180 does not need it.
        ShouldQuote = args => args.Field is { } field && field.AsSpan().IndexOfAny(",\"\r\n") >= 0,
    };

    /// <summary>Writes <paramref name="path"/> atomically (<see cref="AtomicFile"/>): <paramref name="rows"/> writes the header and the records.</summary>
    public static void Write(string path, Action<CsvWriter> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        AtomicFile.Write(path, stream => Write(stream, rows));
    }

    /// <summary>Writes CSV to <paramref name="stream"/> (left open).</summary>
    public static void Write(Stream stream, Action<CsvWriter> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        using var csv = new CsvWriter(writer, Configuration);
        rows(csv);
    }

    /// <summary>The CSV <paramref name="rows"/> write, as text.</summary>
    public static string ToText(Action<CsvWriter> rows)
    {
        using var buffer = new MemoryStream();
        Write(buffer, rows);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes one record of <paramref name="fields"/> and ends it.</summary>
    public static void WriteRow(this CsvWriter csv, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields) csv.WriteField(field);
        csv.NextRecord();
    }

    /// <summary>Writes <paramref name="count"/> empty fields (the columns a row has no value for).</summary>
    public static void WriteEmpty(this CsvWriter csv, int count)
    {
        ArgumentNullException.ThrowIfNull(csv);
        for (var i = 0; i < count; i++) csv.WriteField(string.Empty);
    }
}
