using System.Text.Json.Nodes;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Options;
using EmotionNet.Training.Schedules;
using EmotionNet.Training.Temporal;

namespace EmotionNet.Training.Tests;

/// <summary>The one run record both trainers write into checkpoints, and the two layouts written before it.</summary>
public class RunRecordTests
{
    private static CheckpointMetadata Metadata(JsonObject training, TemporalTrainingInfo? temporal = null) => new()
    {
        Model = new ModelConfig(), ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1, Training = training, Temporal = temporal,
    };

    [Fact]
    public void A_clip_run_of_the_first_layout_reads_with_its_state_and_no_saved_plan()
    {
        var training = JsonNode.Parse("""
            { "options": { "epochs": 30, "batchSize": 64, "schedule": "oneCycle" },
              "state": { "completedEpochs": 3, "step": 1500, "partialBatches": 7, "bestAccuracy": 0.61, "bestEpoch": 2,
                         "history": [ { "epoch": 1, "trainLoss": 1.5, "trainAccuracy": 0.4, "validationLoss": "NaN", "validationAccuracy": "NaN",
                                        "validationMacroF1": "NaN", "learningRate": 0.001, "seconds": 10, "framesPerSecond": 300 } ] } }
            """)!.AsObject();

        var record = RunRecord.Read(Metadata(training), "old.ckpt");

        Assert.Equal((RunRecord.Clip, 1), (record.Kind, record.Version));
        Assert.Equal((3, 1500L, 7, 2), (record.State.CompletedEpochs, record.State.Step, record.State.PartialBatches, record.State.BestEpoch));
        Assert.Null(record.State.Schedule);
        Assert.True(double.IsNaN(Assert.Single(record.State.History).ValidationAccuracy));
        Assert.Equal(64, record.ReadOptions<TrainingOptions>("old.ckpt", o => o.Validate()).BatchSize);
    }

    [Fact]
    public void A_temporal_run_of_the_first_layout_reads_its_epochs_best_history_and_recipe()
    {
        var training = JsonNode.Parse("""
            { "base": { "options": { "epochs": 30 } },
              "temporal": { "bestEpoch": 2, "bestAccuracy": 0.7,
                            "history": [ { "epoch": 1, "trainLoss": 1.2, "trainAccuracy": 0.5, "validationAccuracy": 0.6, "validationCorruptedAccuracy": 0.4, "seconds": 5 },
                                         { "epoch": 2, "trainLoss": 1.0, "trainAccuracy": 0.6, "validationAccuracy": 0.7, "validationCorruptedAccuracy": "NaN", "seconds": 5 } ] } }
            """)!.AsObject();
        var recipe = JsonNode.Parse("""{ "epochs": 12, "batchSize": 32, "posesPerFace": 3 }""")!.AsObject();

        var record = RunRecord.Read(Metadata(training, new TemporalTrainingInfo(48, 2, recipe)), "old.ckpt");

        Assert.Equal((RunRecord.Temporal, 1), (record.Kind, record.Version));
        Assert.Equal((2, 2, 0.7), (record.State.CompletedEpochs, record.State.BestEpoch, record.State.BestAccuracy));
        Assert.Equal(0.4, record.State.History[0].Extra[TemporalTrainer.CorruptedFrameAccuracy]);
        Assert.True(double.IsNaN(record.State.History[0].ValidationLoss));   // not recorded then: not made up
        Assert.Equal(30, record.Base!["options"]!["epochs"]!.GetValue<int>());
        Assert.Equal(32, record.ReadOptions<TemporalTrainingOptions>("old.ckpt", o => o.Validate()).BatchSize);
    }

    [Fact]
    public void The_current_layout_round_trips_and_a_newer_one_is_refused()
    {
        var state = new TrainingState { CompletedEpochs = 4, Step = 40, Schedule = new LearningRateSchedule(ScheduleKind.Cosine, 0.1, 100, 0.0).Extend(40, 200) };
        var written = new RunRecord(RunRecord.Temporal, JsonNode.Parse("""{ "epochs": 5 }"""), state, JsonNode.Parse("""{ "version": 2 }""")).ToJson();

        var read = RunRecord.Read(Metadata(written), "new.ckpt");
        Assert.Equal((RunRecord.Temporal, RunRecord.CurrentVersion, 40L), (read.Kind, read.Version, read.State.Step));
        Assert.Equal(state.Schedule.At(150), read.State.Schedule!.At(150));

        written["version"] = RunRecord.CurrentVersion + 1;
        var e = Assert.Throws<CheckpointException>(() => RunRecord.Read(Metadata(written), "future.ckpt"));
        Assert.Contains("future.ckpt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_out_of_range_in_a_record_are_a_checkpoint_error_not_an_options_error()
    {
        var record = RunRecord.Read(Metadata(JsonNode.Parse("""{ "options": { "batchSize": 0 }, "state": {} }""")!.AsObject()), "bad.ckpt");
        var e = Assert.Throws<CheckpointException>(() => record.ReadOptions<TrainingOptions>("bad.ckpt", o => o.Validate()));
        Assert.Null(e.Option);
        Assert.Contains("TrainingOptions.BatchSize", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("checkpoints/emotionnet-fer7.ckpt", RunRecord.Clip)]
    [InlineData("checkpoints/emotionnet-fer7-temporal.ckpt", RunRecord.Temporal)]
    public void The_shipped_checkpoints_records_of_the_first_layout_read(string path, string kind)
    {
        var checkpoint = EmotionNet.Torch.Checkpoints.Checkpoint.Load(EmotionNet.TestSupport.Repository.Path(path));
        var record = RunRecord.Read(checkpoint.Metadata, path);
        Assert.Equal((kind, 1), (record.Kind, record.Version));
        Assert.NotEmpty(record.State.History);
        Assert.Equal(checkpoint.Metadata.Temporal?.Epochs ?? checkpoint.Metadata.Epoch, record.State.CompletedEpochs);
        if (kind == RunRecord.Temporal) Assert.NotNull(record.ReadOptions<TemporalTrainingOptions>(path, o => o.Validate()));
        else Assert.NotNull(record.ReadOptions<TrainingOptions>(path, o => o.Validate()));
    }
}
