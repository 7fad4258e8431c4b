using System.IO.Compression;
using System.Text;
using EmotionNet.Core.Emotions;

namespace EmotionNet.Core.Data;

/// <summary>
/// Reads the FER2013 CSV (<c>emotion,pixels,Usage</c>), plain or gzip-compressed (recognised by its
/// magic bytes 1F 8B, not its name), streaming, into three <see cref="FaceClipSet"/>s of one-frame clips.
/// </summary>
/// <remarks>
/// CsvHelper reads the header and any row with quoted fields; unquoted rows (all of FER2013) are split
/// and parsed by hand from bytes, because CsvHelper's per-character tokenizing and string fields cost
/// more than the decompression this must keep pace with. Gzip is decompressed on a background
/// thread while this thread parses, so loading costs little more than decompressing.
/// </remarks>
public static class Fer2013Reader
{
    /// <summary>The required header line.</summary>
    public const string Header = "emotion,pixels,Usage";

    private static readonly string[] Columns = ["emotion", "pixels", "Usage"];

    /// <summary>Reads the FER2013 CSV or CSV.GZ at <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">The file is missing, unreadable, truncated or has an invalid row (the message names file and line).</exception>
    public static FaceDataSplits Read(string path, DataLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFormatException(path, 0, "file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException(path, 0, $"cannot open the file: {e.Message}", e);
        }
        using (file) return Read(file, path, options);
    }

    /// <summary>Reads a FER2013 CSV or CSV.GZ from <paramref name="stream"/> (left open); <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="DataFormatException">The data is empty, truncated or has an invalid row (the message names source and line).</exception>
    public static FaceDataSplits Read(Stream stream, string sourceName, DataLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options = (options ?? DataLoadOptions.Default).Validate();

        var magic = new byte[2];
        var sniffed = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        if (sniffed == 0) throw new DataFormatException(sourceName, 0, $"the file is empty; expected a FER2013 CSV starting with the header '{Header}'");

        var raw = new TailCapturingStream(stream, magic.AsMemory(0, sniffed), leaveOpen: true);
        var gzip = sniffed == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        using var text = gzip ? new BackgroundReadStream(new GZipStream(raw, CompressionMode.Decompress)) : (Stream)raw;
        var lines = new ByteLineReader(text, sourceName);
        try
        {
            return Parse(lines, sourceName, options, gzip ? raw : null);
        }
        catch (Exception e) when (gzip && e is InvalidDataException or EndOfStreamException)
        {
            throw new DataFormatException(sourceName, 0, $"the gzip data is corrupt or truncated after line {lines.LineNumber} ({e.Message})", e);
        }
        catch (IOException e)
        {
            throw new DataFormatException(sourceName, 0, $"reading failed after line {lines.LineNumber}: {e.Message}", e);
        }
    }

    private static FaceDataSplits Parse(ByteLineReader lines, string name, DataLoadOptions options, TailCapturingStream? gzipSource)
    {
        if (!lines.TryReadLine(out var headerLine))
        {
            if (gzipSource is not null) CheckGzipComplete(gzipSource, lines, name);
            throw new DataFormatException(name, 0, $"the file is empty; expected a FER2013 CSV starting with the header '{Header}'");
        }
        if (gzipSource is not null && lines.LastLineUnterminated) CheckGzipComplete(gzipSource, lines, name);
        CheckHeader(headerLine, name);

        var classes = options.Classes;
        var report = new LoadReportBuilder(options.MaxReasons);
        FaceClipSetBuilder[] splits = [new(), new(), new()];
        var rows = 0;
        while (lines.TryReadLine(out var line))
        {
            if (line.IsEmpty) continue;
            rows++;
            var reason = ParseRow(line, splits, classes, out var kept);
            if (reason is null)
            {
                if (kept.Builder is not null)
                {
                    kept.Builder.CommitFrame();
                    kept.Builder.EndClip(kept.Label);
                }
                continue;
            }
            // A cut-off last line of a gzip file is truncation, not a bad row.
            if (gzipSource is not null && lines.LastLineUnterminated) CheckGzipComplete(gzipSource, lines, name);
            if (!options.SkipInvalid) throw new DataFormatException(name, lines.LineNumber, reason);
            report.Skip(DataFormatException.Compose(name, lines.LineNumber, reason));
        }
        if (gzipSource is not null) CheckGzipComplete(gzipSource, lines, name);
        if (rows == 0) throw new DataFormatException(name, 0, "the file has a header but no data rows");

        return new FaceDataSplits(
            splits[(int)DataSplit.Training].Build(classes, $"{name} ({DataSplit.Training})"),
            splits[(int)DataSplit.PublicTest].Build(classes, $"{name} ({DataSplit.PublicTest})"),
            splits[(int)DataSplit.PrivateTest].Build(classes, $"{name} ({DataSplit.PrivateTest})"),
            report.Build());
    }

    /// <summary>Parses a row into the split's next frame; <paramref name="kept"/> has no builder when the class set leaves the label out.</summary>
    private static string? ParseRow(ReadOnlySpan<byte> line, FaceClipSetBuilder[] splits, ClassSet classes, out (FaceClipSetBuilder? Builder, int Label) kept)
    {
        kept = default;
        if (line.Contains((byte)'"')) return ParseQuotedRow(line, splits, classes, out kept);
        var first = line.IndexOf((byte)',');
        var last = line.LastIndexOf((byte)',');
        if (first < 0 || first == last || line[(first + 1)..last].Contains((byte)','))
            return FieldCountReason(line.Count((byte)',') + 1);
        return ParseFields(line[..first], line[(first + 1)..last], line[(last + 1)..], splits, classes, out kept);
    }

    private static string? ParseQuotedRow(ReadOnlySpan<byte> line, FaceClipSetBuilder[] splits, ClassSet classes, out (FaceClipSetBuilder? Builder, int Label) kept)
    {
        kept = default;
        var fields = Fer2013Row.SplitQuoted(line, out var reason);
        if (fields is null) return reason;
        if (fields.Length != 3) return FieldCountReason(fields.Length);
        return ParseFields(Encoding.UTF8.GetBytes(fields[0]), Encoding.UTF8.GetBytes(fields[1]), Encoding.UTF8.GetBytes(fields[2]), splits, classes, out kept);
    }

    private static string? ParseFields(ReadOnlySpan<byte> emotion, ReadOnlySpan<byte> pixels, ReadOnlySpan<byte> usage, FaceClipSetBuilder[] splits, ClassSet classes, out (FaceClipSetBuilder? Builder, int Label) kept)
    {
        kept = default;
        var reason = Fer2013Row.ParseEmotion(emotion, out var ferLabel);
        if (reason is not null) return reason;
        reason = Fer2013Row.ParseUsage(usage, out var split);
        if (reason is not null) return reason;
        var builder = splits[(int)split];
        // Validate the pixels even of dropped classes: an invalid file is invalid whatever the class set.
        reason = Fer2013Row.ParsePixels(pixels, builder.NextFrame());
        if (reason is not null) return reason;
        var label = classes.IndexOfFerLabel(ferLabel);
        if (label >= 0) kept = (builder, label);
        return null;
    }

    private static string FieldCountReason(int fields) =>
        $"the row has {fields} field{(fields == 1 ? "" : "s")}; expected 3 ({Header})";

    private static void CheckHeader(ReadOnlySpan<byte> line, string name)
    {
        if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
        // Kaggle ships fer2013.tar.gz: decompressed, that is a tar archive, not a CSV.
        if (line.Contains((byte)0))
            throw new DataFormatException(name, 1, "binary data, not a CSV (an archive such as fer2013.tar.gz or .zip? extract fer2013.csv from it first)");
        var text = Encoding.UTF8.GetString(line.Length > 200 ? line[..200] : line);
        if (text.Length > 0 && char.IsAsciiDigit(text[0]))
            throw new DataFormatException(name, 1, $"no header: the first line is a data row; expected the header '{Header}'");
        var fields = Fer2013Row.SplitQuoted(text, out var reason)
            ?? throw new DataFormatException(name, 1, $"the header '{Fer2013Row.Show(line)}' has {reason}; expected exactly '{Header}'");
        var names = fields.Select(f => f.Trim()).ToArray();
        if (!names.SequenceEqual(Columns, StringComparer.Ordinal))
            throw new DataFormatException(name, 1, $"the header has {names.Length} column{(names.Length == 1 ? "" : "s")} '{Fer2013Row.Show(line)}'; expected exactly '{Header}'");
    }

    private static void CheckGzipComplete(TailCapturingStream source, ByteLineReader lines, string name)
    {
        // Reaching here the read-ahead thread has stopped (its stream ended), so draining is safe.
        source.Drain();
        if (source.BytesRead < 18 || source.TrailerSize != unchecked((uint)lines.BytesRead))
            throw new DataFormatException(name, 0, $"the gzip data is truncated: it ends after line {lines.LineNumber} ({lines.BytesRead} bytes decompressed, the gzip trailer says {source.TrailerSize})");
    }
}
