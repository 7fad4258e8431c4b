using System.CommandLine;
using EmotionNet.Cli.Flags;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Core.Options;
using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Options;

namespace EmotionNet.Cli.Commands;

/// <summary>Everything <c>emotionnet train</c> was asked to do, parsed into the library's records and validated.</summary>
/// <param name="Model">The architecture.</param>
/// <param name="Training">The recipe.</param>
/// <param name="Classes">The class set the data is read with.</param>
/// <param name="Data">Which data.</param>
/// <param name="Out">The run folder.</param>
/// <param name="Resume">Continue the run in <paramref name="Out"/>.</param>
/// <param name="Normalization">How faces become inputs (a resumed run keeps its own).</param>
internal sealed record TrainSettings(ModelConfig Model, TrainingOptions Training, ClassSet Classes, DataSettings Data, string Out, bool Resume, InputNormalization Normalization)
{
    /// <summary>Batch size on the embedded sample unless --batch-size is given: its 210 training faces would make one step per epoch.</summary>
    public const int SampleBatchSize = 16;

    // The recipe, with the probabilities given on the command line in place of its own.
    private static PseudoSequenceOptions Augmentation(ParseResult parse, TrainFlags flags)
    {
        var recipe = parse.GetValue(flags.Augment) == AugmentationRecipe.RealPhotos ? PseudoSequenceOptions.RealPhotos : PseudoSequenceOptions.Default;
        float Or(Option<double?> flag, float value) => parse.GetValue(flag) is { } given ? (float)given : value;
        return recipe with
        {
            BlurProbability = Or(flags.Blur, recipe.BlurProbability),
            LowResolutionProbability = Or(flags.LowResolution, recipe.LowResolutionProbability),
            JpegProbability = Or(flags.Jpeg, recipe.JpegProbability),
            LowContrastProbability = Or(flags.LowContrast, recipe.LowContrastProbability),
            MaxScale = Or(flags.MaxScale, recipe.MaxScale),
        };
    }

    /// <summary>Maps <paramref name="flags"/>' values in <paramref name="parse"/> to settings; an out-of-range value is a <see cref="UsageException"/> naming its flag.</summary>
    public static TrainSettings Parse(ParseResult parse, TrainFlags flags)
    {
        var classes = ClassSet.FromName(parse.GetValue(flags.Classes)!);
        var data = flags.Data.Parse(parse);
        var resume = parse.GetValue(flags.Resume);
        var model = new ModelConfig
        {
            ConvWidths = parse.GetValue(flags.ConvWidths)!,
            ConvsPerBlock = parse.GetValue(flags.ConvsPerBlock),
            Activation = parse.GetValue(flags.Activation),
            Dropout = parse.GetValue(flags.Dropout),
            LstmHidden = parse.GetValue(flags.LstmHidden),
            LstmLayers = parse.GetValue(flags.LstmLayers),
            Bidirectional = parse.GetValue(flags.Bidirectional),
            Pooling = parse.GetValue(flags.Pooling),
            NumClasses = classes.Count,
        };
        var training = new TrainingOptions
        {
            // On --resume the run's own epoch count stands unless --epochs asks for more.
            Epochs = resume && !parse.Given(flags.Epochs) ? 1 : parse.GetValue(flags.Epochs),
            BatchSize = data.IsSample && !parse.Given(flags.BatchSize) ? SampleBatchSize : parse.GetValue(flags.BatchSize),
            LearningRate = parse.GetValue(flags.LearningRate),
            WeightDecay = parse.GetValue(flags.WeightDecay),
            Optimizer = parse.GetValue(flags.Optimizer),
            Momentum = parse.GetValue(flags.Momentum),
            Schedule = parse.GetValue(flags.Schedule),
            WarmupFraction = parse.GetValue(flags.Warmup),
            LabelSmoothing = parse.GetValue(flags.LabelSmoothing),
            ClassWeights = parse.GetValue(flags.ClassWeights),
            GradientClip = parse.GetValue(flags.GradientClip),
            EarlyStoppingPatience = parse.GetValue(flags.Patience),
            SequenceLength = parse.GetValue(flags.SequenceLength),
            Precision = parse.GetValue(flags.Precision),
            Device = parse.GetValue(flags.Device),
            Threads = parse.GetValue(flags.Threads),
            DataWorkers = parse.GetValue(flags.Workers),
            Seed = parse.GetValue(flags.Seed),
            MaxTrainRows = parse.GetValue(flags.MaxTrainRows) switch { 0 => null, var rows => rows },
            InitialCheckpoint = parse.GetValue(flags.InitFrom),
            FlipAveraging = !parse.GetValue(flags.NoFlipAveraging),
            LogitAdjustment = parse.GetValue(flags.LogitAdjustment),
            WeightAverageDecay = parse.GetValue(flags.WeightAverage),
            Teachers = parse.GetValue(flags.Teachers) ?? [],
            DistillationWeight = parse.GetValue(flags.DistillationWeight),
            DistillationTemperature = parse.GetValue(flags.DistillationTemperature),
            Augmentation = Augmentation(parse, flags),
        };
        var normalization = parse.GetValue(flags.StretchContrast) ? InputNormalization.Default with { StretchContrast = true } : InputNormalization.Default;
        var output = OutFolder.Require(parse.GetValue(flags.Out));
        try
        {
            return new TrainSettings(model.Validate(), training.Validate(), classes, data, output, resume, normalization);
        }
        catch (OptionsException e) when (FlagVocabulary.Describe(e) is { } message)
        {
            throw new UsageException(message);
        }
    }
}
