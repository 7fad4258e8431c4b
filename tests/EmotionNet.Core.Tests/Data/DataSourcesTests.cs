using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Vision;
using EmotionNet.Vision.Imaging;
using OpenCvSharp;

using EmotionNet.TestSupport;

namespace EmotionNet.Core.Tests.Data;

public class DataSourcesTests
{
    [Fact]
    public void Missing_path_is_a_clear_error()
    {
        var e = Assert.Throws<DataFormatException>(() => DataSources.Load("/no/such/data", DataLoadOptions.Default));
        Assert.Contains("/no/such/data", e.Message, StringComparison.Ordinal);
        Assert.Contains("no such file or folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_is_read_as_fer2013_with_the_options()
    {
        using var dir = new TempFolder();
        var path = Fer2013Csv.Write(dir, "x.csv", Fer2013Csv.Text((1, "Training"), (4, "Training")));
        var splits = DataSources.Load(path, new DataLoadOptions { Classes = ClassSet.Seed6 });
        Assert.Equal(1, splits.Training.Count);
        Assert.Equal(ClassSet.Seed6.IndexOf(Emotion.Sad), splits.Training.Label(0));
    }

    [Fact]
    public void A_directory_is_read_as_a_folder_data_set()
    {
        OpenCvRuntime.Ensure();
        using var dir = new TempFolder();
        Directory.CreateDirectory(Path.Combine(dir.Path, "happy"));
        using (var mat = new Mat(48, 48, MatType.CV_8UC1, Scalar.All(9))) Cv2.ImWrite(Path.Combine(dir.Path, "happy", "a.png"), mat);
        var splits = DataSources.Load(dir.Path, new DataLoadOptions { ImageDecoder = OpenCvFaceImageDecoder.Instance });
        Assert.Equal(1, splits.Training.Count + splits.PublicTest.Count + splits.PrivateTest.Count);
    }
}
