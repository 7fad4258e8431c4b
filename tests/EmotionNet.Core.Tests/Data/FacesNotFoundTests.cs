using EmotionNet.TestSupport;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Core.Tests.Data;

/// <summary>A decoder's <see cref="IFaceImageDecoder.NoFaceFound"/> is an outcome the folder reader lists, never an error.</summary>
public class FacesNotFoundTests
{
    /// <summary>Finds "a face" in every file whose name does not start with "blank", and calls a file named "bad*" unreadable.</summary>
    private sealed class NameDecoder : IFaceImageDecoder
    {
        public string? TryDecodeFace(string path, ReadOnlySpan<byte> encoded, Span<byte> face)
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith("bad", StringComparison.Ordinal)) return "not a readable image";
            if (name.StartsWith("blank", StringComparison.Ordinal)) return IFaceImageDecoder.NoFaceFound;
            face.Fill(encoded[0]);
            return null;
        }
    }

    private static readonly DataLoadOptions Options = new() { ImageDecoder = new NameDecoder() };

    private static void File(string path, byte value = 1)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, [value]);
    }

    [Fact]
    public void Photos_without_a_face_are_listed_with_class_and_split_even_without_skip_invalid()
    {
        using var dir = new TempFolder();
        File(dir.File("test/happy/a.jpg"));
        File(dir.File("test/happy/blank1.jpg"));
        File(dir.File("train/sad/blank2.png"));
        File(dir.File("train/sad/b.png"));

        var splits = FolderDatasetReader.Read(dir.Path, Options);

        Assert.Equal(1, splits.PrivateTest.Count);
        Assert.Equal(1, splits.Training.Count);
        Assert.Equal(0, splits.Report.Skipped);
        Assert.Equal(
            [
                new FaceNotFound(dir.File("test/happy/blank1.jpg"), ClassSet.Fer7.IndexOf(Emotion.Happy), DataSplit.PrivateTest),
                new FaceNotFound(dir.File("train/sad/blank2.png"), ClassSet.Fer7.IndexOf(Emotion.Sad), DataSplit.Training),
            ],
            splits.Report.FacesNotFound);
    }

    [Fact]
    public void A_clip_keeps_its_frames_with_a_face_and_is_listed_only_when_none_has_one()
    {
        using var dir = new TempFolder();
        File(dir.File("train/angry/mixed/1.png"), 10);
        File(dir.File("train/angry/mixed/blank2.png"));
        File(dir.File("train/angry/mixed/3.png"), 30);
        File(dir.File("train/angry/empty/blank1.png"));
        File(dir.File("train/angry/empty/blank2.png"));

        var splits = FolderDatasetReader.Read(dir.Path, Options);

        var clip = Assert.Single(Enumerable.Range(0, splits.Training.Count));
        Assert.Equal(2, splits.Training.FrameCount(clip));
        Assert.Equal([10, 30], new[] { splits.Training.Frame(clip, 0)[0], splits.Training.Frame(clip, 1)[0] }.Select(b => (int)b));
        Assert.Equal(dir.File("train/angry/empty"), Assert.Single(splits.Report.FacesNotFound).Path);
        Assert.Contains(splits.Report.Warnings, w => w.StartsWith(dir.File("train/angry/mixed") + ": no face found in 1 of its 3 frames", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_photo_is_still_an_error_without_skip_invalid()
    {
        using var dir = new TempFolder();
        File(dir.File("happy/a.jpg"));
        File(dir.File("happy/bad.jpg"));

        var e = Assert.Throws<DataFormatException>(() => FolderDatasetReader.Read(dir.Path, Options));
        Assert.Contains("bad.jpg", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_whose_every_photo_lacks_a_face_is_read_and_lists_them_all()
    {
        using var dir = new TempFolder();
        for (var i = 0; i < 3; i++) File(dir.File($"neutral/blank{i}.jpg"));

        var splits = FolderDatasetReader.Read(dir.Path, Options);

        Assert.Equal(0, splits.Training.Count + splits.PublicTest.Count + splits.PrivateTest.Count);
        Assert.Equal(3, splits.Report.FacesNotFound.Count);
    }

    [Fact]
    public void The_csv_lists_file_class_split_and_reason_quoted_where_needed()
    {
        using var dir = new TempFolder();
        var path = dir.File("no-face.csv");
        FacesNotFoundCsv.Write(path,
            [new FaceNotFound("/photos/a, b.jpg", 3, DataSplit.Training), new FaceNotFound("/photos/c.jpg", 0, DataSplit.PrivateTest)], ClassSet.Fer7);

        Assert.Equal(
            "file,class,split,reason\n\"/photos/a, b.jpg\",Happy,Training,no face found\n/photos/c.jpg,Angry,PrivateTest,no face found\n",
            System.IO.File.ReadAllText(path));
    }
}
