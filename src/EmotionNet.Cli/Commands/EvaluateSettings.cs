using System.CommandLine;
using EmotionNet.Cli.Flags;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Options;
using EmotionNet.Core.Runtime;

namespace EmotionNet.Cli.Commands;

/// <summary>Everything <c>emotionnet evaluate</c> was asked to do, parsed and validated.</summary>
/// <param name="Model">The model to score (--checkpoint, null: the shipped model), its backend and device.</param>
/// <param name="Data">Which data.</param>
/// <param name="Out">Folder for metrics.json and confusion-matrix.png.</param>
/// <param name="Evaluation">Split, batch size and flip averaging (sequence length and normalization come from the checkpoint).</param>
internal sealed record EvaluateSettings(ModelChoice Model, DataSettings Data, string Out, EvaluationOptions Evaluation)
{
    /// <summary>The flags of <c>emotionnet evaluate</c>.</summary>
    internal sealed class Flags
    {
        private static readonly EvaluationOptions Defaults = new();

        public DataFlags Data { get; } = new();
        public Option<string?> Checkpoint { get; } = new("--checkpoint") { Description = "Checkpoint (.ckpt) or exported ONNX model (.onnx) to evaluate. Default: the shipped model." };
        public Option<ModelBackend?> Backend { get; } = ModelFlags.Backend();
        public Option<EvaluationSplit?> Split { get; } = FlagParsers.OptionalChoice<EvaluationSplit>("--split",
            "Clips to score, all = every clip of every split", "all for a folder without split folders, privatetest otherwise");
        public Option<string> Out { get; } = new("--out") { Description = "Folder for metrics.json and confusion-matrix.png.", DefaultValueFactory = _ => "runs/evaluate" };
        public Option<DeviceKind> Device { get; } = FlagParsers.Choice("--device", DeviceKind.Auto, "Where to compute");
        public Option<int> BatchSize { get; } = FlagParsers.Int("--batch-size", Defaults.BatchSize, "Clips per forward pass.");
        public Option<bool> NoFlipAveraging { get; } = new("--no-flip-averaging") { Description = "Score without averaging each face with its mirror image." };

        public void AddTo(Command command)
        {
            Data.AddTo(command);
            foreach (var option in new Option[] { Checkpoint, Backend, Split, Out, Device, BatchSize, NoFlipAveraging }) command.Options.Add(option);
        }
    }

    /// <summary>Maps <paramref name="flags"/>' values in <paramref name="parse"/> to settings; an out-of-range value is a <see cref="UsageException"/> naming its flag.</summary>
    public static EvaluateSettings Parse(ParseResult parse, Flags flags)
    {
        var output = OutFolder.Require(parse.GetValue(flags.Out));
        var evaluation = new EvaluationOptions
        {
            Split = parse.GetValue(flags.Split),
            BatchSize = parse.GetValue(flags.BatchSize),
            FlipAveraging = !parse.GetValue(flags.NoFlipAveraging),
        };
        try
        {
            evaluation.Validate();
        }
        catch (OptionsException e) when (FlagVocabulary.FlagFor(e.Option) is not null)
        {
            throw new UsageException(FlagVocabulary.Rewrite(e.Message));
        }
        var model = new ModelChoice(parse.GetValue(flags.Checkpoint), parse.GetValue(flags.Backend), parse.GetValue(flags.Device));
        return new EvaluateSettings(model, flags.Data.Parse(parse), output, evaluation);
    }
}
