using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using EmotionNet.Core;
using EmotionNet.Inference.Analysis;
using EmotionNet.Plotting;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Imaging;
using EmotionNet.Vision.Sources;
using OpenCvSharp;

namespace EmotionNet.Inference.Tests;

/// <summary>Unreadable and oversized inputs (issue 19): a folder goes on without them and lists them; a decompression bomb is refused from its header.</summary>
public class SkippedInputTests
{
    /// <summary>A PNG of a few hundred bytes whose IHDR declares <paramref name="width"/> x <paramref name="height"/> RGB pixels, with a tiny zlib stream as its IDAT.</summary>
    public static byte[] BombPng(int width = 30000, int height = 30000)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        Chunk(png, "IHDR", ihdr);
        using (var data = new MemoryStream())
        {
            using (var z = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(new byte[64 * 1024]);
            Chunk(png, "IDAT", data.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        png.Write(four);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typed));
        png.Write(four);
    }

    // PNG's CRC-32 (ISO 3309) over a chunk's type and data.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static void WriteFace(string path)
    {
        using var face = SyntheticScene.LoadFace("face1.png");
        using var frame = SyntheticScene.Compose(640, 480, [(face, new FaceBox(200, 120, 180, 180))]);
        Cv2.ImWrite(path, frame);
    }

    [Fact]
    public async Task A_folder_with_a_corrupt_jpeg_analyzes_the_good_photo_and_lists_the_bad_one()
    {
        using var temp = new TempFolder();
        var dir = Path.Combine(temp.Path, "photos");
        Directory.CreateDirectory(dir);
        WriteFace(Path.Combine(dir, "a-good.png"));
        var corrupt = Path.Combine(dir, "b-corrupt.jpg");
        await File.WriteAllBytesAsync(corrupt, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        await File.WriteAllTextAsync(Path.Combine(dir, "notes.txt"), "not an image");
        var output = Path.Combine(temp.Path, "out");

        var report = await AnalysisRunner.RunAsync(new FakeClassifier(), InputSource.FromPath(dir), AnalyzerOptions.Default, new OutputOptions { Directory = output, Plots = AnalysisPlots.Instance });

        Assert.Equal(1, report.Summary.FramesProcessed);
        Assert.Equal(1, report.Summary.FramesWithFaces);
        var skipped = Assert.Single(report.Summary.Skipped);
        Assert.Equal(corrupt, skipped.Path);
        Assert.Contains(corrupt, skipped.Reason, StringComparison.Ordinal);
        Assert.Contains("could not be decoded", skipped.Reason, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputOptions.SummaryJson))))
        {
            var listed = Assert.Single(json.RootElement.GetProperty("skipped").EnumerateArray());
            Assert.Equal(corrupt, listed.GetProperty("file").GetString());
        }
        Assert.Contains(corrupt, File.ReadAllText(Path.Combine(output, OutputOptions.SummaryText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decompression_bomb_in_a_folder_is_skipped_from_its_header_without_decoding()
    {
        using var temp = new TempFolder();
        var dir = Path.Combine(temp.Path, "photos");
        Directory.CreateDirectory(dir);
        var bomb = Path.Combine(dir, "a-bomb.png");
        await File.WriteAllBytesAsync(bomb, BombPng());
        WriteFace(Path.Combine(dir, "b-good.png"));
        var before = GC.GetTotalAllocatedBytes(precise: false);

        var skipped = new List<SkippedInput>();
        var frames = new List<FrameResult>();
        using var analyzer = new EmotionAnalyzer(new FakeClassifier());
        await foreach (var f in analyzer.AnalyzeAsync(InputSource.FromPath(dir), AnalyzerOptions.Default, skipped.Add)) frames.Add(f);

        var frame = Assert.Single(frames);
        Assert.Equal("b-good.png", frame.SourceName);
        Assert.Equal(1, frame.FrameIndex); // the skipped file keeps its place
        var reason = Assert.Single(skipped).Reason;
        Assert.Contains(bomb, reason, StringComparison.Ordinal);
        Assert.Contains("30000x30000", reason, StringComparison.Ordinal);
        Assert.Equal("AnalyzerOptions.MaxImagePixels", skipped[0].Option);
        // A decode would need 2.7 GB for the pixels alone; the managed side allocated far less than one frame's worth.
        Assert.True(GC.GetTotalAllocatedBytes(precise: false) - before < 200_000_000);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Assert.True(process.PeakWorkingSet64 < 2_700_000_000L, $"peak working set {process.PeakWorkingSet64:N0} bytes");
    }

    [Fact]
    public async Task A_single_oversized_image_is_an_error_naming_it()
    {
        using var temp = new TempFolder();
        var bomb = temp.File("bomb.png");
        await File.WriteAllBytesAsync(bomb, BombPng());
        using var analyzer = new EmotionAnalyzer(new FakeClassifier());
        var e = await Assert.ThrowsAsync<EmotionNetException>(() => analyzer.AnalyzeImageAsync(bomb));
        Assert.Contains(bomb, e.Message, StringComparison.Ordinal);
        Assert.Contains("30000x30000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pixel_limit_is_configurable()
    {
        using var temp = new TempFolder();
        var image = temp.File("face.png");
        WriteFace(image);
        using var analyzer = new EmotionAnalyzer(new FakeClassifier());
        var e = await Assert.ThrowsAsync<EmotionNetException>(() => analyzer.AnalyzeImageAsync(image, new AnalyzerOptions { MaxImagePixels = 640 * 480 - 1 }));
        Assert.Contains("640x480", e.Message, StringComparison.Ordinal);
        Assert.Equal("AnalyzerOptions.MaxImagePixels", e.Option);
        var ok = await analyzer.AnalyzeImageAsync(image, new AnalyzerOptions { MaxImagePixels = 640 * 480 });
        Assert.Single(ok.Faces);
    }

    [Fact]
    public async Task A_video_with_frames_over_the_limit_is_refused_before_decoding()
    {
        using var temp = new TempFolder();
        var video = temp.File("small.avi");
        SyntheticScene.WriteVideo(video, 3, 320, 240, 10, SyntheticScene.OneMovingFace("face1.png", 40, 40, 120, 1));
        using var analyzer = new EmotionAnalyzer(new FakeClassifier());
        var e = await Assert.ThrowsAsync<EmotionNetException>(async () =>
        {
            await foreach (var _ in analyzer.AnalyzeAsync(InputSource.FromPath(video), new AnalyzerOptions { MaxImagePixels = 320 * 240 - 1 })) { }
        });
        Assert.Contains(video, e.Message, StringComparison.Ordinal);
        Assert.Contains("320x240", e.Message, StringComparison.Ordinal);
        Assert.Equal("AnalyzerOptions.MaxImagePixels", e.Option);
    }

    [Theory]
    [InlineData(".png")]
    [InlineData(".jpg")]
    [InlineData(".bmp")]
    [InlineData(".webp")]
    [InlineData(".tif")]
    [InlineData(".ppm")]
    [InlineData(".pgm")]
    public void Image_headers_give_the_size_without_decoding(string extension)
    {
        using var temp = new TempFolder();
        var path = temp.File("image" + extension);
        using (var m = new Mat(37, 53, extension == ".pgm" ? MatType.CV_8UC1 : MatType.CV_8UC3, Scalar.All(90)))
            Assert.True(Cv2.ImWrite(path, m));
        Assert.Equal((53, 37), ImageHeader.TryReadSize(path));
    }

    [Fact]
    public void A_header_that_is_not_an_image_gives_no_size()
    {
        using var temp = new TempFolder();
        var path = temp.File("x.png");
        File.WriteAllText(path, "hello, this is text");
        Assert.Null(ImageHeader.TryReadSize(path));
        Assert.Equal((30000, 30000), ImageHeader.TryReadSize(new MemoryStream(BombPng())));
    }
}
