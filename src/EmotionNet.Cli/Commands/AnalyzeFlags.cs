using System.CommandLine;
using EmotionNet.Cli.Flags;
using EmotionNet.Core.Runtime;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Recognition;
using EmotionNet.Inference.Segments;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Cli.Commands;

/// <summary>The input and flags of <c>emotionnet analyze</c>; defaults come from the option records.</summary>
internal sealed class AnalyzeFlags
{
    public Argument<string[]> Input { get; } = new("input")
    {
        Description = "An image, a folder of images (natural file order) or a video file. Omit with --camera. " +
            "Several paths, a glob or a folder holding videos make a batch (one output folder per input under --out, plus batch.csv/json/png).",
        Arity = ArgumentArity.ZeroOrMore,
    };
    public Option<int?> Camera { get; } = new("--camera") { HelpName = "N", Description = "Analyze camera N (0 = default camera) instead of a file; Ctrl+C stops and saves." };
    public Option<string?> Checkpoint { get; } = new("--checkpoint") { HelpName = "FILE", Description = "Model checkpoint (.ckpt) or exported ONNX model (.onnx) to use (default: the shipped model)." };
    public Option<ModelBackend?> Backend { get; } = ModelFlags.Backend();
    public Option<string> Out { get; } = new("--out") { HelpName = "DIR", Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("runs", "analyze") };
    public Option<int> Every { get; } = new("--every") { HelpName = "N", Description = "Process every Nth frame.", DefaultValueFactory = _ => AnalyzerOptions.Default.Every };
    public Option<double> Smoothing { get; } = new("--smoothing") { HelpName = "S", Description = "Moving average of each face's probabilities in --temporal average, in [0, 1); 0 = off.", DefaultValueFactory = _ => RecognizerOptions.Default.Smoothing };
    public Option<double> SwitchMargin { get; } = new("--switch-margin") { HelpName = "M", Description = "--temporal hysteresis: a face's label switches at once to a class that leads it by this much probability, in [0, 1]; 0 = every frame's top class.", DefaultValueFactory = _ => RecognizerOptions.Default.SwitchMargin };
    public Option<int> SwitchFrames { get; } = new("--switch-frames") { HelpName = "N", Description = "--temporal hysteresis: a face's label also switches to a class that has led it for N processed frames in a row, at least 1.", DefaultValueFactory = _ => RecognizerOptions.Default.SwitchFrames };
    public Option<double> UncertainBelow { get; } = new("--uncertain-below") { HelpName = "X", Description = "Flag a result uncertain when its top probability is below this, in [0, 1].", DefaultValueFactory = _ => RecognizerOptions.Default.UncertainBelow };
    public Option<int> DetectEvery { get; } = new("--detect-every") { HelpName = "N", Description = "Run the face detector on every Nth processed frame; faces keep their last boxes in between (faster; 1 = every frame).", DefaultValueFactory = _ => AnalyzerOptions.Default.DetectEvery };
    public Option<bool> Annotate { get; } = new("--annotate") { Description = "Also write an annotated video (annotated.mp4, or .avi) or annotated PNGs for images." };
    public Option<bool> FacesCropped { get; } = new("--faces-cropped") { Description = "Inputs are already cropped faces: skip detection, the whole image is the face." };
    public Option<DeviceKind> Device { get; } = FlagParsers.Choice("--device", DeviceKind.Auto, "Where the model runs");
    public Option<int?> MaxFrames { get; } = new("--max-frames") { HelpName = "N", Description = "Stop after N processed frames." };
    public Option<bool> Sequence { get; } = new("--sequence") { Description = "A folder's images are frames of one sequence: track and smooth faces across them, detect every --detect-every images. Default: independent photos, each detected on its own with ids of its own (videos and cameras are always sequences)." };
    public Option<long> MaxPixels { get; } = new("--max-pixels") { HelpName = "N", Description = "Largest image or video frame accepted, in pixels, checked from the file header before decoding; a folder's larger images are skipped and listed.", DefaultValueFactory = _ => AnalyzerOptions.DefaultMaxImagePixels };
    public Option<FaceDetectorKind> Detector { get; } = FaceFlags.Detector();
    public Option<StretchContrastChoice> StretchContrast { get; } = FaceFlags.StretchContrast();
    public Option<string?> DetectorModel { get; } = new("--detector-model") { HelpName = "FILE", Description = "A YuNet ONNX model file to detect faces with instead of the one shipped (yunet only)." };
    public Option<TemporalMode> Temporal { get; } = FlagParsers.Choice("--temporal",
        "How faces are followed over frames: auto (the LSTM for a model trained to stream, see train-temporal; else hysteresis), " +
        "hysteresis (each frame's result; the label holds until another class leads by --switch-margin or for --switch-frames), " +
        "average (each frame's result, then --smoothing's moving average) or lstm (the LSTM carries each face's state; no moving average).",
        TemporalMode.Auto, ("auto", TemporalMode.Auto), ("hysteresis", TemporalMode.Hysteresis), ("average", TemporalMode.MovingAverage), ("lstm", TemporalMode.Lstm));
    public Option<double> SegmentGap { get; } = new("--segment-gap") { HelpName = "S", Description = "Seconds a face may be missing without ending its segment in segments.csv/json.", DefaultValueFactory = _ => SegmentOptions.Default.GapSeconds };
    public Option<int> ModelThreads { get; } = new("--model-threads") { HelpName = "N", Description = "Threads for the model (libtorch's or ONNX Runtime's); 0 = half the cores (the face stage runs beside it).", DefaultValueFactory = _ => AnalyzerOptions.Default.ModelThreads };

    /// <summary>The batch flags (--manifest, --batch, --shard, --shard-count).</summary>
    public BatchFlags Batch { get; } = new();

    /// <summary>Adds the input and every flag to <paramref name="command"/>, in --help order.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Input);
        foreach (var option in new Option[] { Camera, Checkpoint, Backend, Out, Every, DetectEvery, Smoothing, SwitchMargin, SwitchFrames, UncertainBelow, Annotate, FacesCropped, Device, MaxFrames, ModelThreads, Sequence, MaxPixels, Detector, DetectorModel, StretchContrast, SegmentGap, Temporal })
            command.Options.Add(option);
        Batch.AddTo(command);
    }
}
