using EmotionNet.Core.Data;

namespace EmotionNet.Core.Tests.Data;

public class FolderRulesTests
{
    [Fact]
    public void Natural_order_compares_digit_runs_by_value()
    {
        string[] names = ["frame10.png", "Frame2.png", "frame1.png", "frame002b.png", "frame002a.png", "a.png"];
        var sorted = names.Order(NaturalFileNameComparer.Instance).ToArray();
        Assert.Equal(["a.png", "frame1.png", "Frame2.png", "frame002a.png", "frame002b.png", "frame10.png"], sorted);
    }

    [Theory]
    [InlineData(20, 2)]
    [InlineData(10, 1)]
    [InlineData(5, 1)]    // 0.5 rounds up: one clip each for validation and test
    [InlineData(4, 0)]
    public void Split_rule_holds_out_ten_percent_twice(int clips, int heldOut)
    {
        var names = Enumerable.Range(0, clips).Select(i => $"img{i}.png").ToArray();
        var splits = FolderSplitRule.Assign(names);
        Assert.Equal(heldOut, splits.Count(s => s == DataSplit.PublicTest));
        Assert.Equal(heldOut, splits.Count(s => s == DataSplit.PrivateTest));
        Assert.Equal(splits, FolderSplitRule.Assign(names));
    }

    [Fact]
    public void Split_rule_does_not_move_existing_clips_much_when_one_is_added()
    {
        var names = Enumerable.Range(0, 30).Select(i => $"img{i}.png").ToArray();
        var before = FolderSplitRule.Assign(names);
        var after = FolderSplitRule.Assign([.. names, "img30.png"]);
        Assert.True(Enumerable.Range(0, 30).Count(i => before[i] != after[i]) <= 2);
    }
}
