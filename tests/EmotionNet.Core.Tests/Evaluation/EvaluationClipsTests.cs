using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Options;
using EmotionNet.Samples;
using EmotionNet.TestSupport;
using EmotionNet.Vision;
using EmotionNet.Vision.Imaging;
using OpenCvSharp;

namespace EmotionNet.Core.Tests.Evaluation;

public class EvaluationClipsTests
{
    public EvaluationClipsTests() => OpenCvRuntime.Ensure();

    [Fact]
    public void A_folder_without_split_folders_scores_every_clip_by_default_and_its_hashed_share_on_request()
    {
        using var dir = new TempFolder();
        // 23 anger, 11 sadness and 7 contempt images (contempt is no FER2013 class, so never scored).
        foreach (var (name, count) in new[] { ("anger", 23), ("sadness", 11), ("contempt", 7) })
            for (var i = 0; i < count; i++) Write(Path.Combine(dir.Path, name, $"{name}{i}.png"), (byte)(i * 5));
        var data = FolderDatasetReader.Read(dir.Path, new DataLoadOptions { ImageDecoder = OpenCvFaceImageDecoder.Instance });

        var all = EvaluationClips.Select(data, null);
        Assert.Equal(EvaluationSplit.All, all.Split);
        Assert.True(all.IsDefault);
        Assert.Equal(34, all.Clips.Count);
        var counts = all.Clips.ClassCounts();
        Assert.Equal(23, counts[ClassSet.Fer7.IndexOf(Emotion.Angry)]);
        Assert.Equal(11, counts[ClassSet.Fer7.IndexOf(Emotion.Sad)]);
        Assert.Equal($"all 34 clips (Training {data.Training.Count} + PublicTest {data.PublicTest.Count} + PrivateTest {data.PrivateTest.Count})", all.Description);

        // The hashed 10 % per class, rounded half up: 2 of 23 anger, 1 of 11 sadness.
        var privateTest = EvaluationClips.Select(data, EvaluationSplit.PrivateTest);
        Assert.False(privateTest.IsDefault);
        Assert.Same(data.PrivateTest, privateTest.Clips);
        Assert.Equal(3, privateTest.Clips.Count);
        Assert.Equal("the 3 PrivateTest clips", privateTest.Description);
    }

    [Fact]
    public void Data_that_names_its_splits_scores_privatetest_by_default_and_every_row_under_all()
    {
        var sample = SampleData.Load(ClassSet.Fer7);
        Assert.False(sample.SplitByRule);
        var chosen = EvaluationClips.Select(sample, null);
        Assert.Equal(EvaluationSplit.PrivateTest, chosen.Split);
        Assert.Same(sample.PrivateTest, chosen.Clips);
        // The sample's 280 rows: 30 + 5 + 5 per class.
        Assert.Equal(280, EvaluationClips.Select(sample, EvaluationSplit.All).Clips.Count);
    }

    [Fact]
    public void All_keeps_every_clip_its_frames_and_label_in_split_order()
    {
        var data = new FaceDataSplits(SyntheticFaces.Create(5, 1, framesPerClip: 3), SyntheticFaces.Create(2, 2), SyntheticFaces.Create(4, 3, framesPerClip: 2), DataLoadReport.Clean);
        var all = EvaluationClips.Select(data, EvaluationSplit.All).Clips;
        Assert.Equal(11, all.Count);
        Assert.Equal(5 * 3 + 2 + 4 * 2, all.FrameTotal);
        var expected = new[] { data.Training, data.PublicTest, data.PrivateTest }.SelectMany(s => Enumerable.Range(0, s.Count).Select(i => (Set: s, Clip: i))).ToArray();
        for (var i = 0; i < all.Count; i++)
        {
            Assert.Equal(expected[i].Set.Label(expected[i].Clip), all.Label(i));
            Assert.True(expected[i].Set.Frames(expected[i].Clip).SequenceEqual(all.Frames(i)), $"clip {i}");
        }
    }

    [Fact]
    public void An_undefined_split_is_refused_naming_the_option()
    {
        var e = Assert.Throws<OptionsException>(() => new EvaluationOptions { Split = (EvaluationSplit)9 }.Validate());
        Assert.Equal("EvaluationOptions.Split", e.Option);
        Assert.Contains("Training, PublicTest, PrivateTest, All", e.Message, StringComparison.Ordinal);
        new EvaluationOptions { Split = EvaluationSplit.All }.Validate();
        new EvaluationOptions().Validate();
    }

    private static void Write(string path, byte value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mat = new Mat(48, 48, MatType.CV_8UC1, Scalar.All(value));
        Assert.True(Cv2.ImWrite(path, mat));
    }
}
