using System.Text.Json;
using EmotionNet.Core.Options;
using EmotionNet.Training.Engine;
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

    [Theory]
    [InlineData(ScheduleKind.OneCycle)]
    [InlineData(ScheduleKind.Cosine)]
    public void An_extension_keeps_every_past_rate_starts_where_the_plan_was_and_decays_to_the_final_rate(ScheduleKind kind)
    {
        var plan = new LearningRateSchedule(kind, 1e-2, 1000, 0.1);
        var extended = plan.Extend(600, 1500);

        for (var step = 0; step < 600; step++) Assert.Equal(plan.At(step), extended.At(step));
        Assert.Equal(plan.At(600), extended.At(600), 15);
        for (var step = 601; step < 1500; step++) Assert.True(extended.At(step) <= extended.At(step - 1), $"step {step} rises");
        Assert.Equal(plan.FinalRate, extended.At(1499), 15);
        // Slower than the original decay: the same rate is reached later.
        Assert.True(extended.At(900) > plan.At(900));
    }

    [Fact]
    public void Extended_during_warm_up_the_warm_up_finishes_as_planned()
    {
        var plan = new LearningRateSchedule(ScheduleKind.OneCycle, 1e-2, 1000, 0.1);
        var extended = plan.Extend(50, 2000);
        for (var step = 0; step < 100; step++) Assert.Equal(plan.At(step), extended.At(step));
        Assert.Equal(1e-2, extended.At(100), 12);
        Assert.Equal(new LearningRateSchedule(ScheduleKind.OneCycle, 1e-2, 2000, 0.05).At(1500), extended.At(1500), 12);
    }

    [Fact]
    public void A_finished_plan_extended_stays_at_its_final_rate_and_constant_stays_constant()
    {
        var cosine = new LearningRateSchedule(ScheduleKind.Cosine, 1.0, 100, 0.1).Extend(100, 200);
        Assert.All(Enumerable.Range(99, 101), step => Assert.Equal(0, cosine.At(step), 12));
        var constant = new LearningRateSchedule(ScheduleKind.Constant, 0.5, 100, 0.1);
        Assert.Same(constant, constant.Extend(50, 300));
        Assert.Equal(0.5, constant.At(250));
        var unchanged = new LearningRateSchedule(ScheduleKind.Cosine, 1.0, 100, 0.1);
        Assert.Same(unchanged, unchanged.Extend(40, 100));
    }

    [Fact]
    public void Extended_twice_each_extension_keeps_the_rates_before_it()
    {
        var plan = new LearningRateSchedule(ScheduleKind.OneCycle, 1e-2, 1000, 0.1);
        var once = plan.Extend(600, 1500);
        var twice = once.Extend(1200, 3000);
        for (var step = 0; step < 1200; step++) Assert.Equal(once.At(step), twice.At(step));
        Assert.Equal(once.At(1200), twice.At(1200), 15);
        Assert.Equal(plan.FinalRate, twice.At(2999), 15);
    }

    [Fact]
    public void A_plan_saved_in_a_checkpoint_reads_back_the_same()
    {
        var plan = new LearningRateSchedule(ScheduleKind.OneCycle, 2e-3, 1000, 0.1).Extend(700, 1400);
        var json = JsonSerializer.Serialize(plan, RunRecord.Json);
        var back = JsonSerializer.Deserialize<LearningRateSchedule>(json, RunRecord.Json)!;
        Assert.All(Enumerable.Range(0, 1400), step => Assert.Equal(plan.At(step), back.At(step)));
        Assert.Contains("\"oneCycle\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_validation_names_the_field()
    {
        var e = Assert.Throws<OptionsException>(() => new TrainingOptions { LabelSmoothing = 1.5 }.Validate());
        Assert.Equal("TrainingOptions.LabelSmoothing", e.Option);
    }
}
