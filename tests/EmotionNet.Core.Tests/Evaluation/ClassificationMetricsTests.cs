using EmotionNet.Core.Evaluation;

namespace EmotionNet.Core.Tests.Evaluation;

public class ClassificationMetricsTests
{
    [Fact]
    public void Scores_follow_from_the_confusion_matrix()
    {
        var m = new ConfusionMatrix(2);
        // truth 0: 3 right, 1 wrong; truth 1: 2 right, 2 wrong.
        for (var i = 0; i < 3; i++) m.Add(0, 0);
        m.Add(0, 1);
        m.Add(1, 1); m.Add(1, 1);
        m.Add(1, 0); m.Add(1, 0);

        var s = ClassificationMetrics.From(m, ["A", "B"]);

        Assert.Equal(8, s.Count);
        Assert.Equal(5.0 / 8, s.Accuracy, 9);
        Assert.Equal(3.0 / 5, s.PerClass[0].Precision, 9);
        Assert.Equal(3.0 / 4, s.PerClass[0].Recall, 9);
        Assert.Equal(2.0 / 3, s.PerClass[1].Precision, 9);
        Assert.Equal(0.5, s.PerClass[1].Recall, 9);
        var f1a = 2 * 0.6 * 0.75 / 1.35;
        var f1b = 2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5);
        Assert.Equal((f1a + f1b) / 2, s.MacroF1, 9);
        Assert.Equal(new long[] { 2, 2 }, s.Confusion[1]);
    }

    [Fact]
    public void A_class_never_predicted_scores_zero_not_nan()
    {
        var m = new ConfusionMatrix(3);
        m.Add(0, 0);
        m.Add(1, 0);
        var s = ClassificationMetrics.From(m, ["a", "b", "c"]);
        Assert.All(s.PerClass, c => Assert.False(double.IsNaN(c.F1)));
        Assert.Equal(0, s.PerClass[2].Support);
    }
}
