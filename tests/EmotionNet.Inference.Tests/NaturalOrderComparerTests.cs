using EmotionNet.Inference.Sources;

namespace EmotionNet.Inference.Tests;

public class NaturalOrderComparerTests
{
    [Fact]
    public void Numbers_inside_names_sort_by_value()
    {
        string[] names = ["frame10.png", "frame2.png", "frame1.png", "Frame3.png", "frame002b.png", "a.png"];
        var sorted = names.Order(NaturalOrderComparer.Instance).ToArray();
        Assert.Equal(["a.png", "frame1.png", "frame2.png", "frame002b.png", "Frame3.png", "frame10.png"], sorted);
    }
}
