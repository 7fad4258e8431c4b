using EmotionNet.Core.Options;
using EmotionNet.Core.Runtime;
using EmotionNet.Training.Augmentation.Temporal;

namespace EmotionNet.Training.Temporal;

/// <summary>
/// Settings of temporal training (<see cref="TemporalTrainer"/>): the LSTM and classifier of a trained model
/// learn to follow a stream frame by frame on change-aware clips, with the per-frame encoder frozen.
/// </summary>
public sealed record TemporalTrainingOptions
{
    /// <summary>The clip recipe (default <see cref="TemporalClipOptions.Default"/>: 48 frames, changes, nuisance bursts).</summary>
    public TemporalClipOptions Clips { get; init; } = TemporalClipOptions.Default;

    /// <summary>Clean poses encoded per face (random shift, rotation, zoom, flip, lighting); a clip's clean frames draw from them (default 6; 1-32).</summary>
    public int PosesPerFace { get; init; } = 6;

    /// <summary>Passes over the training faces, one clip starting from each face per pass (default 12; 1-1000).</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Clips per optimizer step (default 128; 1-4096).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Adam's learning rate, decayed to zero on a cosine over the run (default 1e-3; (0, 1]).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Seed of every random choice: poses, clips, shuffling, dropout (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Validation clips made from the PublicTest faces, the same every epoch (default 2000; 0-100000; 0 = no validation, the last epoch is kept).</summary>
    public int ValidationClips { get; init; } = 2000;

    /// <summary>Where to compute (default <see cref="DeviceKind.Auto"/>).</summary>
    public DeviceKind Device { get; init; } = DeviceKind.Auto;

    /// <summary>CPU threads for libtorch during the run, which is process-wide; 0 (the default) leaves the count as it is.</summary>
    public int Threads { get; init; }

    /// <summary>The defaults above.</summary>
    public static TemporalTrainingOptions Default { get; } = new();

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public TemporalTrainingOptions Validate()
    {
        var check = new OptionCheck(nameof(TemporalTrainingOptions));
        ArgumentNullException.ThrowIfNull(Clips);
        Clips.Validate();
        check.Require(PosesPerFace, PosesPerFace is >= 1 and <= 32, "must be between 1 and 32");
        check.Require(Epochs, Epochs is >= 1 and <= 1000, "must be between 1 and 1000");
        check.Require(BatchSize, BatchSize is >= 1 and <= 4096, "must be between 1 and 4096");
        check.Require(LearningRate, LearningRate is > 0 and <= 1, "must be in (0, 1]");
        check.Require(ValidationClips, ValidationClips is >= 0 and <= 100_000, "must be between 0 and 100000");
        check.Require(Device, Enum.IsDefined(Device), "must be Auto, Cpu or Cuda");
        check.Require(Threads, Threads is >= 0 and <= 1024, "must be between 0 (unchanged) and 1024");
        return this;
    }
}
