using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Reporting;
using OpenCvSharp;

namespace EmotionNet.Plotting.Tests;

public sealed class PlotTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-plot-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Confusion_matrix_png_is_a_valid_image_of_the_requested_size()
    {
        var m = new ConfusionMatrix(7);
        var rng = new Random(1);
        for (var i = 0; i < 500; i++) m.Add(i % 7, rng.NextDouble() < 0.6 ? i % 7 : rng.Next(7));
        var names = EmotionNet.Core.Emotions.ClassSet.Fer7.ClassNames;
        var path = Path.Combine(dir, "cm.png");

        ConfusionMatrixPlot.Save(ClassificationMetrics.From(m, names), path, "test", 900, 820);

        using var image = Cv2.ImRead(path);
        Assert.Equal(900, image.Width);
        Assert.Equal(820, image.Height);
        Assert.True(Cv2.Mean(image).Val0 < 250, "the plot is not blank");
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void Training_curves_png_is_a_valid_image_of_the_requested_size()
    {
        var epochs = Enumerable.Range(1, 5).Select(e => new EpochRecord(e, 2.0 / e, 0.2 * e, 2.2 / e, 0.18 * e, 0.15 * e, 1e-3, 10, 300)).ToArray();
        var path = Path.Combine(dir, "curves.png");

        TrainingCurvesPlot.Save(epochs, path, 1200, 500);

        using var image = Cv2.ImRead(path);
        Assert.Equal(1200, image.Width);
        Assert.Equal(500, image.Height);
    }
}
