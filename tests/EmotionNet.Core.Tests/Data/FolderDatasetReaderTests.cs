using EmotionNet.Vision.Imaging;
using EmotionNet.Vision;
using EmotionNet.Data;
using EmotionNet.Emotions;
using EmotionNet.Runtime;
using OpenCvSharp;

using EmotionNet.TestSupport;

namespace EmotionNet.Core.Tests.Data;

public class FolderDatasetReaderTests
{
    /// <summary>Folder data sets are read with the decoder a real application passes.</summary>
    private static readonly DataLoadOptions Decoding = new() { ImageDecoder = OpenCvFaceImageDecoder.Instance };

    public FolderDatasetReaderTests() => OpenCvRuntime.Ensure();

    /// <summary>Writes a flat grey image of <paramref name="value"/>.</summary>
    private static void Image(string path, byte value, int side = 48, MatType? type = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var matType = type ?? MatType.CV_8UC1;
        var scale = matType == MatType.CV_16UC1 ? 257.0 : 1.0;
        using var mat = new Mat(side, side, matType, Scalar.All(value * scale));
        Assert.True(Cv2.ImWrite(path, mat));
    }

    [Fact]
    public void Reads_class_folders_with_synonyms_single_images_and_clips_in_natural_order()
    {
        using var dir = new TempFolder();
        var root = Path.Combine(dir.Path, "train");
        Image(Path.Combine(root, "Happiness", "one.png"), 10);
        foreach (var n in new[] { 10, 2, 1 }) Image(Path.Combine(root, "happy", "clipA", $"frame{n}.png"), (byte)(n * 20));
        Image(Path.Combine(root, "ANGER", "a.jpg"), 200);
        Image(Path.Combine(root, "contempt", "c.png"), 1);
        File.WriteAllText(Path.Combine(root, "happy", "notes.txt"), "not an image");

        var splits = FolderDatasetReader.Read(dir.Path, Decoding);
        var train = splits.Training;
        Assert.Equal(3, train.Count);
        Assert.Equal(0, splits.PublicTest.Count);
        var clip = Enumerable.Range(0, train.Count).Single(i => train.FrameCount(i) == 3);
        Assert.Equal(ClassSet.Fer7.IndexOf(Emotion.Happy), train.Label(clip));
        // frame1, frame2, frame10: natural order, not ordinal (which would put frame10 second).
        Assert.Equal([20, 40, 200], Enumerable.Range(0, 3).Select(f => (int)train.Frame(clip, f)[100]).ToArray());
        Assert.Contains(Enumerable.Range(0, train.Count), i => train.Label(i) == ClassSet.Fer7.IndexOf(Emotion.Angry));
        var warning = Assert.Single(splits.Report.Warnings);
        Assert.Contains("contempt", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Converts_16_bit_rgba_and_large_images_to_48x48_grey()
    {
        using var dir = new TempFolder();
        Image(Path.Combine(dir.Path, "Training", "sad", "wide.png"), 128, side: 96, type: MatType.CV_16UC1);
        Image(Path.Combine(dir.Path, "Training", "sad", "rgba.png"), 60, type: MatType.CV_8UC4);
        Image(Path.Combine(dir.Path, "Training", "sad", "small.bmp"), 90, side: 20);
        var train = FolderDatasetReader.Read(dir.Path, Decoding).Training;
        Assert.Equal(3, train.Count);
        var values = Enumerable.Range(0, 3).Select(i => (int)train.Frame(i, 0)[1000]).Order().ToArray();
        Assert.Equal(60, values[0]);
        Assert.Equal(90, values[1]);
        Assert.InRange(values[2], 127, 129);
    }

    [Fact]
    public void Split_folders_are_recognised_by_name_case_insensitively()
    {
        using var dir = new TempFolder();
        Image(Path.Combine(dir.Path, "TRAIN", "fear", "a.png"), 1);
        Image(Path.Combine(dir.Path, "validation", "fear", "b.png"), 2);
        Image(Path.Combine(dir.Path, "PrivateTest", "neutral", "c.png"), 3);
        var splits = FolderDatasetReader.Read(dir.Path, Decoding);
        Assert.Equal([1, 1, 1], new[] { splits.Training.Count, splits.PublicTest.Count, splits.PrivateTest.Count });
        Assert.Equal(ClassSet.Fer7.IndexOf(Emotion.Neutral), splits.PrivateTest.Label(0));
    }

    [Fact]
    public void Without_split_folders_holds_out_ten_percent_per_class_deterministically()
    {
        using var dir = new TempFolder();
        for (var i = 0; i < 20; i++) Image(Path.Combine(dir.Path, "surprise", $"s{i}.png"), (byte)i);
        for (var i = 0; i < 10; i++) Image(Path.Combine(dir.Path, "sad", $"d{i}.png"), (byte)(100 + i));
        var first = FolderDatasetReader.Read(dir.Path, Decoding);
        var second = FolderDatasetReader.Read(dir.Path, Decoding);
        Assert.Equal([16 + 8, 2 + 1, 2 + 1], new[] { first.Training.Count, first.PublicTest.Count, first.PrivateTest.Count });
        Assert.Equal([1, 2], first.PublicTest.ClassCounts().Where(c => c > 0).Order().ToArray());
        Assert.Equal(Pixels(first.PublicTest), Pixels(second.PublicTest));
        Assert.Equal(Pixels(first.PrivateTest), Pixels(second.PrivateTest));

        static int[] Pixels(FaceClipSet set) => [.. Enumerable.Range(0, set.Count).Select(i => (int)set.Frame(i, 0)[0])];
    }

    [Fact]
    public void Seed6_skips_the_disgust_folder_with_a_warning()
    {
        using var dir = new TempFolder();
        Image(Path.Combine(dir.Path, "train", "disgust", "x.png"), 1);
        Image(Path.Combine(dir.Path, "train", "happy", "y.png"), 2);
        var splits = FolderDatasetReader.Read(dir.Path, Decoding with { Classes = ClassSet.Seed6 });
        Assert.Equal(1, splits.Training.Count);
        Assert.Equal(0, splits.Training.Label(0));
        Assert.Contains("Disgust is not in class set seed6", Assert.Single(splits.Report.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_image_is_an_error_naming_the_file_or_is_skipped()
    {
        using var dir = new TempFolder();
        Image(Path.Combine(dir.Path, "train", "happy", "good.png"), 5);
        var bad = Path.Combine(dir.Path, "train", "happy", "broken.png");
        File.WriteAllBytes(bad, [1, 2, 3, 4, 5]);

        var e = Assert.Throws<DataFormatException>(() => FolderDatasetReader.Read(dir.Path, Decoding));
        Assert.Contains(bad, e.Message, StringComparison.Ordinal);

        var splits = FolderDatasetReader.Read(dir.Path, Decoding with { SkipInvalid = true });
        Assert.Equal(1, splits.Training.Count);
        Assert.Equal(1, splits.Report.Skipped);
        Assert.Contains(bad, splits.Report.FirstReasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_without_faces_is_an_error()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(Path.Combine(dir.Path, "happy"));
        var e = Assert.Throws<DataFormatException>(() => FolderDatasetReader.Read(dir.Path, Decoding));
        Assert.Contains(dir.Path, e.Message, StringComparison.Ordinal);
    }
}
