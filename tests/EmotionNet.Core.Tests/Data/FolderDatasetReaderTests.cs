using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Vision;
using EmotionNet.Vision.Imaging;
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
        Assert.Empty(splits.Report.Warnings);
        Assert.Equal(
            [
                // Ordinal order, as read: upper case first.
                new ClassFolderMapping("train/ANGER", Emotion.Angry, "Angry", 1, 1, null),
                new ClassFolderMapping("train/Happiness", Emotion.Happy, "Happy", 1, 1, null),
                new ClassFolderMapping("train/contempt", null, null, 1, 1, "not a FER2013 class"),
                new ClassFolderMapping("train/happy", Emotion.Happy, "Happy", 3, 1, null),
            ],
            splits.Report.ClassFolders);
        Assert.False(splits.SplitByRule);
    }

    [Fact]
    public void Reports_the_mapping_of_every_synonym_folder_and_the_unmapped_ones_with_their_counts()
    {
        using var dir = new TempFolder();
        var folders = new (string Name, Emotion? Emotion, int Images)[]
        {
            ("anger", Emotion.Angry, 3), ("Disgusted", Emotion.Disgust, 1), ("scared", Emotion.Fear, 2), ("JOY", Emotion.Happy, 4),
            ("sadness", Emotion.Sad, 5), ("surprised", Emotion.Surprise, 2), ("neutral", Emotion.Neutral, 3), ("contempt", null, 6),
        };
        foreach (var (name, _, images) in folders)
            for (var i = 0; i < images; i++) Image(Path.Combine(dir.Path, name, $"{i}.png"), (byte)i);

        var splits = FolderDatasetReader.Read(dir.Path, Decoding);

        Assert.True(splits.SplitByRule);
        Assert.Empty(splits.Report.Warnings);
        var expected = folders.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new ClassFolderMapping(
            f.Name, f.Emotion, f.Emotion?.ToString(), f.Images, f.Images, f.Emotion is null ? "not a FER2013 class" : null));
        Assert.Equal(expected, splits.Report.ClassFolders);
        Assert.Equal(folders.Where(f => f.Emotion is not null).Sum(f => f.Images), splits.Training.Count + splits.PublicTest.Count + splits.PrivateTest.Count);
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
    public void Seed6_skips_the_disgust_folder_and_reports_it_unmapped()
    {
        using var dir = new TempFolder();
        Image(Path.Combine(dir.Path, "train", "disgust", "x.png"), 1);
        Image(Path.Combine(dir.Path, "train", "happy", "y.png"), 2);
        var splits = FolderDatasetReader.Read(dir.Path, Decoding with { Classes = ClassSet.Seed6 });
        Assert.Equal(1, splits.Training.Count);
        Assert.Equal(0, splits.Training.Label(0));
        Assert.Empty(splits.Report.Warnings);
        var disgust = Assert.Single(splits.Report.ClassFolders, f => !f.IsMapped);
        Assert.Equal(new ClassFolderMapping("train/disgust", Emotion.Disgust, null, 1, 1, "Disgust is not in class set seed6"), disgust);
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
