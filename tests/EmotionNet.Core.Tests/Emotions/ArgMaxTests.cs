using EmotionNet.Core.Emotions;

namespace EmotionNet.Core.Tests.Emotions;

public class ArgMaxTests
{
    [Fact]
    public void Picks_the_largest_value_and_the_first_of_a_tie()
    {
        Assert.Equal(2, ArgMax.Of<float>([0.1f, 0.2f, 0.6f, 0.1f]));
        Assert.Equal(1, ArgMax.Of<int>([3, 5, 5, 1]));
        Assert.Equal(0, ArgMax.Of<double>([7.0]));
    }

    [Fact]
    public void Refuses_no_values() => Assert.Throws<ArgumentException>(() => ArgMax.Of<float>([]));
}
