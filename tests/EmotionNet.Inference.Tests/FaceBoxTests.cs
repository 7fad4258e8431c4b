using EmotionNet.Vision.Faces;

namespace EmotionNet.Inference.Tests;

public class FaceBoxTests
{
    [Fact]
    public void Iou_of_identical_boxes_is_one_and_of_disjoint_boxes_is_zero()
    {
        var a = new FaceBox(10, 10, 100, 100);
        Assert.Equal(1.0, a.IntersectionOverUnion(a), 6);
        Assert.Equal(0.0, a.IntersectionOverUnion(new FaceBox(200, 200, 50, 50)));
    }

    [Fact]
    public void Iou_of_half_shifted_boxes_is_one_third()
    {
        var a = new FaceBox(0, 0, 100, 100);
        var b = new FaceBox(50, 0, 100, 100);
        Assert.Equal(1.0 / 3, a.IntersectionOverUnion(b), 6);
    }
}
