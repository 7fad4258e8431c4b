using EmotionNet.Core;
using EmotionNet.Inference.Analysis;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

namespace EmotionNet.Inference.Tests;

public class AnalyzeImageTests
{
    [Fact]
    public async Task One_image_gives_its_faces_with_emotions()
    {
        using var folder = new TempFolder();
        var truth = new[] { new FaceBox(40, 120, 170, 170), new FaceBox(400, 90, 180, 180) };
        using (var a = SyntheticScene.LoadFace("face1.png"))
        using (var b = SyntheticScene.LoadFace("face2.png"))
        using (var scene = SyntheticScene.Compose(640, 400, [(a, truth[0]), (b, truth[1])]))
            Cv2.ImWrite(folder.File("two.png"), scene);

        using var analyzer = new EmotionAnalyzer(new FakeClassifier());
        var frame = await analyzer.AnalyzeImageAsync(folder.File("two.png"));

        Assert.Equal("two.png", frame.SourceName);
        Assert.Equal((640, 400), (frame.Width, frame.Height));
        Assert.Equal(2, frame.Faces.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(frame.Faces[i].Box.IntersectionOverUnion(truth[i]) > 0.4, $"face {i}: {frame.Faces[i].Box} vs {truth[i]}");
            Assert.Equal(1.0, frame.Faces[i].Probabilities.Sum(), 3);
        }
    }

    [Fact]
    public async Task A_folder_is_refused_with_a_message_naming_it()
    {
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("a.png"));
        using var analyzer = new EmotionAnalyzer(new FakeClassifier());
        var e = await Assert.ThrowsAsync<EmotionNetException>(() => analyzer.AnalyzeImageAsync(folder.Path));
        Assert.Contains(folder.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains("AnalyzeAsync", e.Message, StringComparison.Ordinal);
    }
}
