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

    [Fact]
    public void Macro_means_run_over_the_classes_present_in_the_data()
    {
        // Three classes; the data has none of "b", which the model still predicts once.
        var m = new ConfusionMatrix(3);
        m.Add(0, 0); m.Add(0, 0); m.Add(0, 1); m.Add(0, 2);
        m.Add(2, 2); m.Add(2, 0);

        var s = ClassificationMetrics.From(m, ["a", "b", "c"]);

        Assert.Equal(["b"], s.AbsentClasses);
        Assert.Equal((0.5 + 0.5) / 2, s.MacroRecall, 9);
        Assert.Equal((s.PerClass[0].F1 + s.PerClass[2].F1) / 2, s.MacroF1, 9);
        Assert.Equal(0, s.PerClass[1].Precision);
    }

    [Fact]
    public void End_to_end_scores_count_photos_without_a_face_as_wrong()
    {
        var m = new ConfusionMatrix(3);
        m.Add(0, 0); m.Add(0, 0); m.Add(0, 1);
        m.Add(2, 2);
        var found = ClassificationMetrics.From(m, ["a", "b", "c"]);

        var e = EndToEndMetrics.From(found, [1, 0, 3]);

        Assert.Equal((8, 4), (e.Photos, e.FacesNotFound));
        Assert.Equal(3.0 / 8, e.Accuracy, 9);
        Assert.Equal(new EndToEndClass("a", 4, 1, 2, 0.5), e.PerClass[0]);
        Assert.Equal(new EndToEndClass("b", 0, 0, 0, null), e.PerClass[1]);
        Assert.Equal(new EndToEndClass("c", 4, 3, 1, 0.25), e.PerClass[2]);
        Assert.Equal((0.5 + 0.25) / 2, e.MacroRecall, 9);
        Assert.Throws<ArgumentException>(() => EndToEndMetrics.From(found, [1, 2]));
    }
}
