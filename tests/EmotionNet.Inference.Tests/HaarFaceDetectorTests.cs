using EmotionNet.Core.Options;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Inference.Tests;

public class HaarFaceDetectorTests
{
    [Theory]
    [InlineData("face1.png")]
    [InlineData("face2.png")]
    [InlineData("face3.png")]
    public void Detects_an_upscaled_fer_face_where_it_was_pasted(string file)
    {
        using var face = SyntheticScene.LoadFace(file);
        var box = new FaceBox(220, 140, 160, 160);
        using var frame = SyntheticScene.Compose(640, 480, [(face, box)]);
        using var detector = new HaarFaceDetector();

        var found = detector.Detect(frame);

        var hit = Assert.Single(found);
        Assert.True(hit.IntersectionOverUnion(box) > 0.4, $"{hit} vs {box}");
    }

    [Fact]
    public void Boxes_found_on_a_downscaled_frame_are_mapped_back_to_full_resolution()
    {
        using var face = SyntheticScene.LoadFace("face1.png");
        var box = new FaceBox(300, 200, 200, 200);
        using var frame = SyntheticScene.Compose(800, 600, [(face, box)]);
        foreach (var scale in new[] { 1.0, 0.5, 0.4 })
        {
            using var detector = new HaarFaceDetector(new DetectorOptions { DetectionScale = scale });
            var hit = Assert.Single(detector.Detect(frame));
            Assert.True(hit.IntersectionOverUnion(box) > 0.4, $"scale {scale}: {hit} vs {box}");
        }
    }

    [Fact]
    public void Two_faces_give_two_boxes_left_to_right()
    {
        using var left = SyntheticScene.LoadFace("face1.png");
        using var right = SyntheticScene.LoadFace("face2.png");
        var a = new FaceBox(40, 150, 160, 160);
        var b = new FaceBox(400, 120, 160, 160);
        using var frame = SyntheticScene.Compose(640, 480, [(left, a), (right, b)]);
        using var detector = new HaarFaceDetector();

        var found = detector.Detect(frame);

        Assert.Equal(2, found.Count);
        Assert.True(found[0].IntersectionOverUnion(a) > 0.4);
        Assert.True(found[1].IntersectionOverUnion(b) > 0.4);
    }

    [Fact]
    public void A_blank_frame_has_no_faces()
    {
        using var frame = SyntheticScene.Compose(320, 240, []);
        using var detector = new HaarFaceDetector();
        Assert.Empty(detector.Detect(frame));
    }

    [Fact]
    public void Out_of_range_options_are_rejected_naming_the_field()
    {
        var e = Assert.Throws<OptionsException>(() => new HaarFaceDetector(new DetectorOptions { DetectionScale = 0 }));
        Assert.Contains("DetectionScale", e.Message, StringComparison.Ordinal);
    }
}
