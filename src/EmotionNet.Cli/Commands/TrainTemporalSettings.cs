using System.CommandLine;
using EmotionNet.Cli.Flags;
using EmotionNet.Core.Options;
using EmotionNet.Training.Temporal;

namespace EmotionNet.Cli.Commands;

/// <summary>Everything <c>emotionnet train-temporal</c> was asked to do, parsed into the library's records and validated.</summary>
internal sealed record TrainTemporalSettings(TemporalTrainingOptions Training, DataSettings Data, string? InitFrom, string Out, bool Resume)
{
    /// <summary>Maps the flags' values to settings; an out-of-range value is a <see cref="UsageException"/> naming its flag.</summary>
    public static TrainTemporalSettings Parse(ParseResult parse, TrainTemporalFlags flags)
    {
        var defaults = TemporalTrainingOptions.Default;
        var training = defaults with
        {
            Clips = defaults.Clips with
            {
                Length = parse.GetValue(flags.ClipLength),
                ChangeProbability = (float)parse.GetValue(flags.ChangeProbability),
                Nuisance = defaults.Clips.Nuisance with { BurstProbability = (float)parse.GetValue(flags.BurstProbability) },
                // Keep the default shortest segment legal for short clips.
                MinSegmentFrames = Math.Clamp(parse.GetValue(flags.ClipLength) / 2, 1, defaults.Clips.MinSegmentFrames),
            },
            PosesPerFace = parse.GetValue(flags.Poses),
            // On --resume the run's own epoch count stands unless --epochs asks for more.
            Epochs = parse.GetValue(flags.Resume) && !parse.Given(flags.Epochs) ? 1 : parse.GetValue(flags.Epochs),
            BatchSize = parse.GetValue(flags.BatchSize),
            LearningRate = parse.GetValue(flags.LearningRate),
            ValidationClips = parse.GetValue(flags.ValidationClips),
            Seed = parse.GetValue(flags.Seed),
            Device = parse.GetValue(flags.Device),
            Threads = parse.GetValue(flags.Threads),
        };
        var output = OutFolder.Require(parse.GetValue(flags.Out));
        try
        {
            return new TrainTemporalSettings(training.Validate(), flags.Data.Parse(parse), parse.GetValue(flags.InitFrom), output, parse.GetValue(flags.Resume));
        }
        catch (OptionsException e) when (FlagVocabulary.Describe(e) is { } message)
        {
            throw new UsageException(message);
        }
    }
}
