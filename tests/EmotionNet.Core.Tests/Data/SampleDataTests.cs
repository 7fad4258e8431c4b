using EmotionNet.Core.Emotions;
using EmotionNet.Samples;
using EmotionNet.TestSupport;

namespace EmotionNet.Core.Tests.Data;

public class SampleDataTests
{
    [Fact]
    public void Embedded_sample_has_every_class_in_every_split()
    {
        var splits = SampleData.Load(ClassSet.Fer7);
        Assert.All(splits.Training.ClassCounts(), c => Assert.Equal(30, c));
        Assert.All(splits.PublicTest.ClassCounts(), c => Assert.Equal(5, c));
        Assert.All(splits.PrivateTest.ClassCounts(), c => Assert.Equal(5, c));
        Assert.Equal(0, splits.Report.Skipped);
    }

    [Fact]
    public void Embedded_sample_is_the_committed_file()
    {
        var committed = Path.Combine(Repository.Root, SampleData.RelativePath);
        using var embedded = SampleData.Open();
        using var copy = new MemoryStream();
        embedded.CopyTo(copy);
        Assert.Equal(File.ReadAllBytes(committed), copy.ToArray());
    }

    [Fact]
    public void Sample_in_seed6_has_six_classes_in_training()
    {
        var splits = SampleData.Load(ClassSet.Seed6);
        Assert.Equal(6, splits.Training.ClassCounts().Length);
        Assert.All(splits.Training.ClassCounts(), c => Assert.Equal(30, c));
    }
}
