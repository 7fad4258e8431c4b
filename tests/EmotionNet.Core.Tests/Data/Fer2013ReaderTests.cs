using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.TestSupport;

namespace EmotionNet.Core.Tests.Data;

public class Fer2013ReaderTests
{
    private static DataFormatException ReadFails(string text, string name = "bad.csv", DataLoadOptions? options = null)
    {
        using var dir = new TempFolder();
        var path = Fer2013Csv.Write(dir, name, text);
        var e = Assert.Throws<DataFormatException>(() => Fer2013Reader.Read(path, options));
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        return e;
    }

    private static string Valid(int rows = 3) =>
        Fer2013Csv.Text([.. Enumerable.Range(0, rows).Select(i => (i % 7, "Training"))]);

    [Fact]
    public void Loads_every_split_with_labels_and_pixels_in_order()
    {
        using var dir = new TempFolder();
        var path = Fer2013Csv.Write(dir, "ok.csv", Fer2013Csv.Text((3, "Training"), (0, "PublicTest"), (6, "PrivateTest"), (5, "Training")));
        var splits = Fer2013Reader.Read(path);
        Assert.Equal(2, splits.Training.Count);
        Assert.Equal(1, splits.PublicTest.Count);
        Assert.Equal(1, splits.PrivateTest.Count);
        Assert.Equal([3, 5], [splits.Training.Label(0), splits.Training.Label(1)]);
        Assert.Equal(6, splits.PrivateTest.Label(0));
        // Row 4 (seed 21): pixel i = (21 + i) % 256.
        var frame = splits.Training.Frame(1, 0);
        Assert.Equal(FaceImage.FrameBytes, frame.Length);
        Assert.Equal(21, frame[0]);
        Assert.Equal((21 + 2303) % 256, frame[2303]);
        Assert.Equal(0, splits.Report.Skipped);
    }

    [Fact]
    public void Loads_gzip_and_plain_csv_identically()
    {
        using var dir = new TempFolder();
        var text = Fer2013Csv.Text(Fer2013Csv.AllClassesAllSplits());
        var plain = Fer2013Reader.Read(Fer2013Csv.Write(dir, "a.csv", text));
        // The name says nothing: gzip is recognised by its magic bytes.
        var gzip = Fer2013Reader.Read(Fer2013Csv.WriteGzip(dir, "b.csv", text));
        foreach (var split in Enum.GetValues<DataSplit>())
        {
            Assert.Equal(plain[split].Count, gzip[split].Count);
            for (var i = 0; i < plain[split].Count; i++)
            {
                Assert.Equal(plain[split].Label(i), gzip[split].Label(i));
                Assert.True(plain[split].Frame(i, 0).SequenceEqual(gzip[split].Frame(i, 0)));
            }
        }
        Assert.Equal(7, plain.Training.Count);
    }

    [Fact]
    public void Reads_crlf_line_endings_and_a_missing_final_newline()
    {
        using var dir = new TempFolder();
        var text = Fer2013Csv.Text((1, "Training"), (2, "PublicTest")).Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd();
        var splits = Fer2013Reader.Read(Fer2013Csv.Write(dir, "crlf.csv", text));
        Assert.Equal(1, splits.Training.Count);
        Assert.Equal(1, splits.PublicTest.Count);
    }

    [Fact]
    public void Reads_quoted_fields_through_csvhelper()
    {
        using var dir = new TempFolder();
        var text = Fer2013Csv.Header + "\n" + $"\"4\",\"{Fer2013Csv.Pixels(3)}\",\"Training\"\n";
        var splits = Fer2013Reader.Read(Fer2013Csv.Write(dir, "quoted.csv", text));
        Assert.Equal(4, splits.Training.Label(0));
        Assert.Equal(3, splits.Training.Frame(0, 0)[0]);
    }

    [Fact]
    public void Reads_from_a_stream_named_in_messages()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Fer2013Csv.Header + "\n9,1 2,Training\n");
        using var stream = new MemoryStream(bytes);
        var e = Assert.Throws<DataFormatException>(() => Fer2013Reader.Read(stream, "upload.csv"));
        Assert.StartsWith("upload.csv line 2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_header_names_file_and_line_1()
    {
        var e = ReadFails("label,pixels,Usage\n" + Fer2013Csv.Row(0, "Training", 0) + "\n");
        Assert.Equal(1, e.Line);
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("emotion,pixels,Usage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_with_an_extra_column_is_an_error()
    {
        var e = ReadFails("emotion,pixels,Usage,extra\n" + Fer2013Csv.Row(0, "Training", 0) + ",x\n");
        Assert.Equal(1, e.Line);
        Assert.Contains("4 columns", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_header_is_an_error()
    {
        var e = ReadFails(Fer2013Csv.Row(0, "Training", 0) + "\n");
        Assert.Equal(1, e.Line);
        Assert.Contains("no header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_with_wrong_field_count_names_its_line()
    {
        var e = ReadFails(Valid(2) + Fer2013Csv.Row(0, "Training", 0) + ",extra\n");
        Assert.Equal(4, e.Line);
        Assert.Contains("4 fields", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2303, "2303 values")]
    [InlineData(2305, "2305 values")]
    public void Wrong_pixel_count_names_line_and_count(int count, string expected)
    {
        var e = ReadFails(Valid(1) + $"0,{Fer2013Csv.Pixels(0, count)},Training\n");
        Assert.Equal(3, e.Line);
        Assert.Contains("bad.csv line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12 abc 7", "pixel 2 'abc' is not an integer")]
    [InlineData("12 256 7", "pixel 2 is 256, outside 0-255")]
    [InlineData("12 -3 7", "pixel 2 '-3' is not an integer")]
    [InlineData("12 3.5 7", "pixel 2 '3.5' is not an integer")]
    public void Invalid_pixel_value_names_line_and_pixel(string firstPixels, string expected)
    {
        var pixels = firstPixels + " " + Fer2013Csv.Pixels(0, 2301);
        var e = ReadFails(Valid(1) + $"0,{pixels},Training\n");
        Assert.Equal(3, e.Line);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("7")]
    [InlineData("x")]
    [InlineData("")]
    public void Invalid_label_names_line(string label)
    {
        var e = ReadFails(Valid(2) + $"{label},{Fer2013Csv.Pixels(0)},Training\n");
        Assert.Equal(4, e.Line);
        Assert.Contains("bad.csv line 4: emotion", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_usage_names_line_and_value()
    {
        var e = ReadFails(Valid(1) + Fer2013Csv.Row(0, "Validation", 0) + "\n");
        Assert.Equal(3, e.Line);
        Assert.Contains("Usage 'Validation'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_an_error_naming_the_file()
    {
        var e = ReadFails("", "empty.csv");
        Assert.Contains("empty", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_only_is_an_error_naming_the_file()
    {
        var e = ReadFails(Fer2013Csv.Header + "\n", "header.csv");
        Assert.Contains("no data rows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_gzip_is_an_error_naming_the_file()
    {
        using var dir = new TempFolder();
        var full = Fer2013Csv.WriteGzip(dir, "full.csv.gz", Fer2013Csv.Text(Fer2013Csv.AllClassesAllSplits()));
        var bytes = File.ReadAllBytes(full);
        var path = dir.File("cut.csv.gz");
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
        var e = Assert.Throws<DataFormatException>(() => Fer2013Reader.Read(path));
        Assert.Contains("cut.csv.gz", e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        // Skipping invalid rows does not hide a truncated file.
        Assert.Throws<DataFormatException>(() => Fer2013Reader.Read(path, new DataLoadOptions { SkipInvalid = true }));
    }

    [Fact]
    public void Gzip_cut_at_a_line_boundary_is_still_detected()
    {
        using var dir = new TempFolder();
        var text = Fer2013Csv.Text((0, "Training"), (1, "Training"));
        var path = Fer2013Csv.WriteGzip(dir, "short.csv.gz", text);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x40;   // ISIZE no longer matches the data
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => Fer2013Reader.Read(path));
        Assert.Contains("short.csv.gz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_invalid_counts_rows_and_keeps_the_first_reasons()
    {
        using var dir = new TempFolder();
        var text = Valid(2)
            + "7," + Fer2013Csv.Pixels(0) + ",Training\n"
            + "0,1 2 3,Training\n"
            + "0," + Fer2013Csv.Pixels(0) + ",Nope\n"
            + Fer2013Csv.Row(2, "PublicTest", 1) + "\n";
        var path = Fer2013Csv.Write(dir, "some-bad.csv", text);
        var splits = Fer2013Reader.Read(path, new DataLoadOptions { SkipInvalid = true, MaxReasons = 2 });
        Assert.Equal(2, splits.Training.Count);
        Assert.Equal(1, splits.PublicTest.Count);
        Assert.Equal(3, splits.Report.Skipped);
        Assert.Equal(2, splits.Report.FirstReasons.Count);
        Assert.StartsWith($"{path} line 4: emotion '7'", splits.Report.FirstReasons[0], StringComparison.Ordinal);
        Assert.StartsWith($"{path} line 5: pixels has 3 values", splits.Report.FirstReasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Seed6_drops_disgust_silently_and_remaps_labels()
    {
        using var dir = new TempFolder();
        var path = Fer2013Csv.Write(dir, "s6.csv", Fer2013Csv.Text((1, "Training"), (3, "Training"), (0, "Training"), (6, "Training"), (1, "PublicTest")));
        var splits = Fer2013Reader.Read(path, new DataLoadOptions { Classes = ClassSet.Seed6 });
        Assert.Same(ClassSet.Seed6, splits.Training.Classes);
        // seed6 order: Happy, Sad, Angry, Surprise, Fear, Neutral.
        Assert.Equal([0, 2, 5], Enumerable.Range(0, splits.Training.Count).Select(splits.Training.Label).ToArray());
        Assert.Equal(0, splits.PublicTest.Count);
        Assert.Equal(0, splits.Report.Skipped);
        // The Happy row kept its own pixels (row 2 of the file, seed 7).
        Assert.Equal(7, splits.Training.Frame(0, 0)[0]);
    }

    [Fact]
    public void Missing_file_is_an_error_naming_it()
    {
        var e = Assert.Throws<DataFormatException>(() => Fer2013Reader.Read("/nonexistent/fer.csv"));
        Assert.Contains("/nonexistent/fer.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_byte_order_mark_and_extra_spaces_between_pixels()
    {
        using var dir = new TempFolder();
        var pixels = "  " + Fer2013Csv.Pixels(4).Replace(" ", "  ", StringComparison.Ordinal) + " ";
        var path = Fer2013Csv.Write(dir, "bom.csv", "\uFEFF" + Fer2013Csv.Header + "\n" + $"2,{pixels},PublicTest\n");
        var splits = Fer2013Reader.Read(path);
        Assert.Equal(2, splits.PublicTest.Label(0));
        Assert.Equal(4, splits.PublicTest.Frame(0, 0)[0]);
        Assert.Equal((4 + 2303) % 256, splits.PublicTest.Frame(0, 0)[2303]);
    }

    [Fact]
    public void Bad_row_early_in_a_large_gzip_stops_the_read_ahead_and_names_the_line()
    {
        using var dir = new TempFolder();
        // About 14 MB of CSV: more than the read-ahead holds, so the decompressing thread is blocked when the error is thrown.
        var rows = string.Concat(Enumerable.Range(0, 1500).Select(i => Fer2013Csv.Row(i % 7, "Training", i) + "\n"));
        var text = Fer2013Csv.Header + "\n" + Fer2013Csv.Row(0, "Training", 0) + "\n8," + Fer2013Csv.Pixels(0) + ",Training\n" + rows;
        var path = Fer2013Csv.WriteGzip(dir, "big.csv.gz", text);
        var e = Assert.Throws<DataFormatException>(() => Fer2013Reader.Read(path));
        Assert.StartsWith(path + " line 3: emotion '8'", e.Message, StringComparison.Ordinal);
        var skipped = Fer2013Reader.Read(path, new DataLoadOptions { SkipInvalid = true });
        Assert.Equal(1501, skipped.Training.Count);
        Assert.Equal(1, skipped.Report.Skipped);
        // Frames past the builder's first 1024-frame chunk keep their own pixels: clip k > 0 is row seed k - 1.
        Assert.Equal(1099 % 256, skipped.Training.Frame(1100, 0)[0]);
        Assert.Equal((1499 + 5) % 256, skipped.Training.Frame(1500, 0)[5]);
    }

    [Fact]
    public void A_tar_archive_inside_gzip_is_reported_as_binary_data()
    {
        using var dir = new TempFolder();
        var tarLike = "fer2013/fer2013.csv" + new string('\0', 80) + "0000644\0" + "\n" + Fer2013Csv.Text((0, "Training"));
        var path = Fer2013Csv.WriteGzip(dir, "fer2013.tar.gz", tarLike);
        var e = Assert.Throws<DataFormatException>(() => Fer2013Reader.Read(path));
        Assert.Contains("fer2013.tar.gz line 1: binary data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_cut_inside_its_first_block_is_truncated_not_empty()
    {
        using var dir = new TempFolder();
        var bytes = File.ReadAllBytes(Fer2013Csv.WriteGzip(dir, "x.csv.gz", Fer2013Csv.Text((0, "Training"))));
        var path = dir.File("tiny.csv.gz");
        File.WriteAllBytes(path, bytes[..12]);
        var e = Assert.Throws<DataFormatException>(() => Fer2013Reader.Read(path));
        Assert.Contains("tiny.csv.gz", e.Message, StringComparison.Ordinal);
        Assert.Contains("gzip", e.Message, StringComparison.Ordinal);
    }
}
