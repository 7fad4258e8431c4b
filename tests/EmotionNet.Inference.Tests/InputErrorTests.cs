using EmotionNet.Core;
using EmotionNet.Inference.Analysis;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Tests;

public class InputErrorTests
{
    private static async Task<EmotionNetException> AnalyzeFails(string path)
    {
        return await Assert.ThrowsAsync<EmotionNetException>(async () =>
        {
            using var analyzer = new EmotionAnalyzer(new FakeClassifier());
            await foreach (var _ in analyzer.AnalyzeAsync(InputSource.FromPath(path))) { }
        });
    }

    [Fact]
    public async Task A_missing_path_names_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "emotionnet-no-such-file-" + Guid.NewGuid().ToString("N") + ".mp4");
        var e = await AnalyzeFails(path);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_byte_video_names_the_path()
    {
        using var folder = new TempFolder();
        var path = folder.File("empty.mp4");
        await File.WriteAllBytesAsync(path, []);
        var e = await AnalyzeFails(path);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_file_named_mp4_names_the_path()
    {
        using var folder = new TempFolder();
        var path = folder.File("notes.mp4");
        await File.WriteAllTextAsync(path, "this is not a video, just some text\n");
        var e = await AnalyzeFails(path);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_image_names_the_path()
    {
        using var folder = new TempFolder();
        var path = folder.File("broken.png");
        await File.WriteAllBytesAsync(path, [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4, 5, 6, 7, 8]);
        var e = await AnalyzeFails(path);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_extension_names_the_path()
    {
        using var folder = new TempFolder();
        var path = folder.File("faces.txt");
        await File.WriteAllTextAsync(path, "hello");
        var e = await AnalyzeFails(path);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("unsupported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_images_names_the_folder()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("readme.txt"), "no images here");
        var e = Assert.Throws<EmotionNetException>(() => InputSource.FromPath(folder.Path));
        Assert.Contains(folder.Path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_is_read_in_natural_order_ignoring_other_files()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "f10.png", "f2.png", "f1.png", "notes.txt" }) File.WriteAllBytes(folder.File(name), [1]);
        var source = InputSource.FromPath(folder.Path);
        Assert.Equal(SourceKind.ImageSequence, source.Kind);
        Assert.Equal(["f1.png", "f2.png", "f10.png"], source.Files.Select(Path.GetFileName));
    }

    [Fact]
    public void A_negative_camera_index_is_rejected()
    {
        Assert.Throws<EmotionNetException>(() => InputSource.FromCamera(-1));
    }
}
