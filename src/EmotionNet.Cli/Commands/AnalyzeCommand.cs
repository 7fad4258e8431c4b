using System.CommandLine;
using System.Globalization;
using EmotionNet.Plotting;
using EmotionNet.Cli.Analysis;
using EmotionNet.Cli.Console;
using EmotionNet.Cli.Flags;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Recognition;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;
using EmotionNet.Models;
using EmotionNet.Runtime;
using OpenCvSharp;

namespace EmotionNet.Cli.Commands;

/// <summary>'emotionnet analyze': parses flags into option records and runs the library's analysis.</summary>
internal static class AnalyzeCommand
{
    public static Command Create() => Create(Classifiers.Load);

    public static Command Create(ClassifierLoader loadClassifier)
    {
        var input = new Argument<string[]>("input")
        {
            Description = "An image, a folder of images (natural file order) or a video file. Omit with --camera. " +
                "Several paths, a glob or a folder holding videos make a batch (one output folder per input under --out, plus batch.csv/json/png).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var camera = new Option<int?>("--camera") { HelpName = "N", Description = "Analyze camera N (0 = default camera) instead of a file; Ctrl+C stops and saves." };
        var checkpoint = new Option<string?>("--checkpoint") { HelpName = "FILE", Description = "Model checkpoint (.ckpt) or exported ONNX model (.onnx) to use (default: the shipped model)." };
        var output = new Option<string>("--out") { HelpName = "DIR", Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("runs", "analyze") };
        var every = new Option<int>("--every") { HelpName = "N", Description = "Process every Nth frame.", DefaultValueFactory = _ => 1 };
        var smoothing = new Option<double>("--smoothing") { HelpName = "S", Description = "Temporal smoothing of each face's probabilities, in [0, 1); 0 = off.", DefaultValueFactory = _ => RecognizerOptions.Default.Smoothing };
        var uncertainBelow = new Option<double>("--uncertain-below") { HelpName = "X", Description = "Flag a result uncertain when its top probability is below this, in [0, 1].", DefaultValueFactory = _ => RecognizerOptions.Default.UncertainBelow };
        var detectEvery = new Option<int>("--detect-every") { HelpName = "N", Description = "Run the face detector on every Nth processed frame; faces keep their last boxes in between (faster; 1 = every frame).", DefaultValueFactory = _ => AnalyzerOptions.Default.DetectEvery };
        var annotate = new Option<bool>("--annotate") { Description = "Also write an annotated video (annotated.mp4, or .avi) or annotated PNGs for images." };
        var facesCropped = new Option<bool>("--faces-cropped") { Description = "Inputs are already cropped faces: skip detection, the whole image is the face." };
        var device = new Option<string>("--device") { Description = "Where the model runs: auto, cpu or cuda.", DefaultValueFactory = _ => "auto" };
        device.AcceptOnlyFromAmong("auto", "cpu", "cuda");
        var maxFrames = new Option<int?>("--max-frames") { HelpName = "N", Description = "Stop after N processed frames." };
        var sequence = new Option<bool>("--sequence") { Description = "A folder's images are frames of one sequence: track and smooth faces across them, detect every --detect-every images. Default: independent photos, each detected on its own with ids of its own (videos and cameras are always sequences)." };
        var maxPixels = new Option<long>("--max-pixels") { HelpName = "N", Description = "Largest image or video frame accepted, in pixels, checked from the file header before decoding; a folder's larger images are skipped and listed.", DefaultValueFactory = _ => AnalyzerOptions.DefaultMaxImagePixels };
        var detector = new Option<string>("--detector") { Description = "Face detector: yunet (turned, tilted and small faces; aligned crops) or haar (the frontal-face cascade).", DefaultValueFactory = _ => "yunet" };
        detector.AcceptOnlyFromAmong("yunet", "haar");
        var detectorModel = new Option<string?>("--detector-model") { HelpName = "FILE", Description = "A YuNet ONNX model file to detect faces with instead of the one shipped (yunet only)." };
        var modelThreads = new Option<int>("--model-threads") { HelpName = "N", Description = "libtorch threads for the model; 0 = half the cores (the face stage runs beside it).", DefaultValueFactory = _ => 0 };

        var command = new Command("analyze", "Detect faces and recognize their emotions in an image, image folder, video or camera; writes frames.csv/json, summary.json/txt and timeline.png.");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { camera, checkpoint, output, every, detectEvery, smoothing, uncertainBelow, annotate, facesCropped, device, maxFrames, modelThreads, sequence, maxPixels, detector, detectorModel })
            command.Options.Add(option);
        var batch = new BatchFlags(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var inputs = parse.GetValue(input) ?? [];
            var isBatch = batch.IsBatch(parse, inputs);
            var settings = Parse(
                isBatch ? null : inputs.FirstOrDefault(), isBatch ? BatchAnalyze.PlaceholderCamera(parse.GetValue(camera)) : parse.GetValue(camera), parse.GetValue(checkpoint), parse.GetValue(output)!, parse.GetValue(every), parse.GetValue(detectEvery),
                parse.GetValue(smoothing), parse.GetValue(uncertainBelow), parse.GetValue(annotate), parse.GetValue(facesCropped),
                parse.GetValue(device)!, parse.GetValue(maxFrames), parse.GetValue(modelThreads), parse.GetValue(sequence), parse.GetValue(maxPixels), parse.GetValue(detector)!, parse.GetValue(detectorModel));
            if (isBatch) return await BatchAnalyze.RunAsync(batch.Parse(parse, inputs, settings), loadClassifier, cancellationToken);
            return await RunAsync(settings, loadClassifier, cancellationToken);
        });
        return command;
    }

    /// <summary>Turns flag values into settings; a value out of range is a <see cref="UsageException"/> naming the flag.</summary>
    internal static AnalyzeSettings Parse(string? input, int? camera, string? checkpoint, string output, int every, int detectEvery, double smoothing,
        double uncertainBelow, bool annotate, bool facesCropped, string device, int? maxFrames, int modelThreads = 0, bool sequence = false,
        long maxPixels = AnalyzerOptions.DefaultMaxImagePixels, string detector = "yunet", string? detectorModel = null)
    {
        if (input is null && camera is null) throw new UsageException("analyze needs an <input> path or --camera N.");
        if (input is not null && camera is not null) throw new UsageException("Give either an <input> path or --camera N, not both.");
        if (camera is < 0) throw new UsageException($"--camera must be 0 or more (got {camera}).");
        if (every < 1) throw new UsageException($"--every must be at least 1 (got {every}).");
        if (detectEvery < 1) throw new UsageException($"--detect-every must be at least 1 (got {detectEvery}).");
        if (!(smoothing >= 0 && smoothing < 1)) throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--smoothing must be in [0, 1) (got {smoothing})."));
        if (!(uncertainBelow >= 0 && uncertainBelow <= 1)) throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--uncertain-below must be in [0, 1] (got {uncertainBelow})."));
        if (maxFrames is < 1) throw new UsageException($"--max-frames must be at least 1 (got {maxFrames}).");
        if (modelThreads < 0) throw new UsageException($"--model-threads must be 0 (automatic) or more (got {modelThreads}).");
        if (maxPixels < 1) throw new UsageException($"--max-pixels must be at least 1 (got {maxPixels}).");
        if (string.IsNullOrWhiteSpace(output)) throw new UsageException("--out must name a folder.");
        var deviceKind = device.ToLowerInvariant() switch
        {
            "auto" => DeviceKind.Auto,
            "cpu" => DeviceKind.Cpu,
            "cuda" => DeviceKind.Cuda,
            _ => throw new UsageException($"--device must be auto, cpu or cuda (got '{device}')."),
        };

        var detectorKind = detector.ToLowerInvariant() switch
        {
            "yunet" => FaceDetectorKind.YuNet,
            "haar" => FaceDetectorKind.Haar,
            _ => throw new UsageException($"--detector must be yunet or haar (got '{detector}')."),
        };
        if (detectorModel is not null && detectorKind != FaceDetectorKind.YuNet) throw new UsageException("--detector-model is a YuNet model: it needs --detector yunet.");

        var source = camera is { } index ? InputSource.FromCamera(index) : InputSource.FromPath(input!);
        var analyzer = new AnalyzerOptions
        {
            Every = every,
            DetectEvery = detectEvery,
            MaxFrames = maxFrames,
            ModelThreads = modelThreads,
            FacesCropped = facesCropped,
            Sequence = sequence,
            MaxImagePixels = maxPixels,
            Detector = AnalyzerOptions.Default.Detector with { Kind = detectorKind, ModelPath = detectorModel },
            Recognizer = new RecognizerOptions(smoothing, uncertainBelow),
        };
        return new AnalyzeSettings(source, checkpoint, deviceKind, analyzer, new OutputOptions(output, annotate, AnalysisPlots.Instance));
    }

    private static async Task<int> RunAsync(AnalyzeSettings settings, ClassifierLoader loadClassifier, CancellationToken cancellationToken)
    {
        // Our errors name the file or camera; OpenCV's own warnings (e.g. probing absent cameras) would only add noise.
        Cv2.SetLogLevel(OpenCvSharp.LogLevel.SILENT);
        var classifier = loadClassifier(settings.Checkpoint, settings.Device);
        try
        {
            var report = await AnalysisProgressView.RunAsync(settings.Source.Name,
                progress => AnalysisRunner.RunAsync(classifier, settings.Source, settings.Analyzer, settings.Output, progress, cancellationToken));
            SummaryTable.Print(report);
            if (report.Cancelled) return CliApp.Cancelled;
            var skipped = report.Summary.Skipped.Count;
            if (skipped == 0) return 0;
            if (report.Summary.FramesProcessed == 0)
            {
                Output.Error($"No image of '{settings.Source.Name}' could be read ({skipped} skipped; the reasons are listed above and in {OutputOptions.SummaryText}).");
                return CliApp.Failure;
            }
            Output.Warn($"{skipped} file(s) of '{settings.Source.Name}' were skipped (listed above and in {OutputOptions.SummaryJson}); the others were analyzed.");
            return CliApp.PartialFailure;
        }
        finally
        {
            (classifier as IDisposable)?.Dispose();
        }
    }
}
