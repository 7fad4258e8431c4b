using System.CommandLine;
using EmotionNet.Cli.Flags;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Options;
using EmotionNet.Core.Runtime;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Cli.Commands;

/// <summary>Everything <c>emotionnet evaluate</c> was asked to do, parsed and validated.</summary>
/// <param name="Model">The model to score (--checkpoint, null: the shipped model), its backend, device and --stretch-contrast override.</param>
/// <param name="Data">Which data.</param>
/// <param name="Out">Folder for metrics.json, confusion-matrix.png and no-face.csv.</param>
/// <param name="Evaluation">Split, batch size and flip averaging (sequence length and normalization come from the checkpoint).</param>
/// <param name="Faces">How the images of a folder become faces (--faces, --detector); unused for a CSV.</param>
internal sealed record EvaluateSettings(ModelChoice Model, DataSettings Data, string Out, EvaluationOptions Evaluation, PhotoFaceOptions Faces)
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
        public Option<string> Out { get; } = new("--out") { Description = "Folder for metrics.json, confusion-matrix.png and (photos) no-face.csv.", DefaultValueFactory = _ => "runs/evaluate" };
        public Option<DeviceKind> Device { get; } = FlagParsers.Choice("--device", DeviceKind.Auto, "Where to compute");
        public Option<int> BatchSize { get; } = FlagParsers.Int("--batch-size", Defaults.BatchSize, "Clips per forward pass.");
        public Option<bool> NoFlipAveraging { get; } = new("--no-flip-averaging") { Description = "Score without averaging each face with its mirror image." };
        public Option<FaceFinding> Faces { get; } = FlagParsers.Choice("--faces",
            "How a folder's images become faces: auto = a 48x48 image is a face crop taken whole, any other size a photo whose largest face is " +
            "detected and cropped as analyze crops it (photos without a face are listed in no-face.csv and count as wrong end to end); " +
            "detect = every image is such a photo; cropped = every image is a face crop, resized whole (as train reads folders).",
            FaceFinding.Auto, ("auto", FaceFinding.Auto), ("detect", FaceFinding.Detect), ("cropped", FaceFinding.Cropped));
        public Option<FaceDetectorKind> Detector { get; } = FaceFlags.Detector();
        public Option<StretchContrastChoice> StretchContrast { get; } = FaceFlags.StretchContrast();

        public void AddTo(Command command)
        {
            Data.AddTo(command);
            foreach (var option in new Option[] { Checkpoint, Backend, Split, Out, Device, BatchSize, NoFlipAveraging, Faces, Detector, StretchContrast })
                command.Options.Add(option);
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
        var faces = PhotoFaceOptions.Default with
        {
            Faces = parse.GetValue(flags.Faces),
            Detector = PhotoFaceOptions.Default.Detector with { Kind = parse.GetValue(flags.Detector) },
        };
        try
        {
            evaluation.Validate();
            faces.Validate();
        }
        catch (OptionsException e) when (FlagVocabulary.Describe(e) is { } message)
        {
            throw new UsageException(message);
        }
        var data = flags.Data.Parse(parse);
        if (faces.Faces == FaceFinding.Detect && !data.IsFolder && (data.IsSample || File.Exists(data.Path)))
            throw new UsageException($"--faces detect needs a folder of photos; {data.Description} is a FER2013 CSV of 48x48 face crops.");
        var model = new ModelChoice(parse.GetValue(flags.Checkpoint), parse.GetValue(flags.Backend), parse.GetValue(flags.Device),
            StretchContrast: parse.GetValue(flags.StretchContrast).Override());
        return new EvaluateSettings(model, data, output, evaluation, faces);
    }
}
