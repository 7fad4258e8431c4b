using EmotionNet.Core.Options;
using EmotionNet.Training.Options;
using EmotionNet.Training.Schedules;

namespace EmotionNet.Training.Tests;

public class LearningRateScheduleTests
{
    [Fact]
    public void One_cycle_rises_to_the_peak_then_decays_to_almost_zero()
    {
        var s = new LearningRateSchedule(ScheduleKind.OneCycle, 1e-2, 1000, 0.1);
        Assert.Equal(1e-2 / 25, s.At(0), 9);
        Assert.Equal(1e-2, s.At(99), 9);
        Assert.True(s.At(500) < 1e-2 && s.At(500) > s.At(900));
        Assert.True(s.At(999) < 1e-6);
    }

    [Fact]
    public void Cosine_warms_up_linearly()
    {
        var s = new LearningRateSchedule(ScheduleKind.Cosine, 1.0, 100, 0.1);
        Assert.Equal(0.1, s.At(0), 9);
        Assert.Equal(1.0, s.At(9), 9);
        Assert.Equal(0.0, s.At(99), 9);
    }

    [Fact]
    public void Options_validation_names_the_field()
    {
        var e = Assert.Throws<OptionsException>(() => new TrainingOptions { LabelSmoothing = 1.5 }.Validate());
        Assert.Equal("TrainingOptions.LabelSmoothing", e.Option);
    }
}
