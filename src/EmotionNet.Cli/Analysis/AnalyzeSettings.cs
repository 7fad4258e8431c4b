using System.CommandLine;
using EmotionNet.Cli.Commands;
using EmotionNet.Cli.Flags;
using EmotionNet.Core.Options;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Recognition;
using EmotionNet.Inference.Segments;
using EmotionNet.Plotting;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Cli.Analysis;

/// <summary>Everything 'analyze' was asked to do, parsed and validated.</summary>
internal sealed record AnalyzeSettings(InputSource Source, ModelChoice Model, AnalyzerOptions Analyzer, OutputOptions Output)
{
    /// <summary>One analysis: the input (or --camera) and flags of <paramref name="parse"/> mapped to settings; an out-of-range value is a <see cref="UsageException"/> naming its flag.</summary>
    public static AnalyzeSettings Parse(ParseResult parse, AnalyzeFlags flags) =>
        Parse(parse, flags, (parse.GetValue(flags.Input) ?? []).FirstOrDefault(), parse.GetValue(flags.Camera));

    /// <summary>
    /// The per-input settings of a batch: every flag validated and mapped as for one analysis, with the
    /// placeholder camera of <see cref="BatchAnalyze.PlaceholderCamera"/> as the source (never opened).
    /// </summary>
    public static AnalyzeSettings ParseForBatch(ParseResult parse, AnalyzeFlags flags) =>
        Parse(parse, flags, null, BatchAnalyze.PlaceholderCamera(parse.GetValue(flags.Camera)));

    private static AnalyzeSettings Parse(ParseResult parse, AnalyzeFlags flags, string? input, int? camera)
    {
        if (input is null && camera is null) throw new UsageException("analyze needs an <input> path or --camera N.");
        if (input is not null && camera is not null) throw new UsageException("Give either an <input> path or --camera N, not both.");
        if (camera is < 0) throw new UsageException($"--camera must be 0 or more (got {camera}).");

        var analyzer = new AnalyzerOptions
        {
            Every = parse.GetValue(flags.Every),
            DetectEvery = parse.GetValue(flags.DetectEvery),
            MaxFrames = parse.GetValue(flags.MaxFrames),
            // The composition root owns the process: 0 asks for the suggested share, explicitly.
            ModelThreads = parse.GetValue(flags.ModelThreads) is 0 ? AnalyzerOptions.SuggestedModelThreads : parse.GetValue(flags.ModelThreads),
            FacesCropped = parse.GetValue(flags.FacesCropped),
            Sequence = parse.GetValue(flags.Sequence),
            MaxImagePixels = parse.GetValue(flags.MaxPixels),
            Recognizer = new RecognizerOptions
            {
                Smoothing = parse.GetValue(flags.Smoothing), UncertainBelow = parse.GetValue(flags.UncertainBelow),
                SwitchMargin = parse.GetValue(flags.SwitchMargin), SwitchFrames = parse.GetValue(flags.SwitchFrames),
            },
        };
        var segments = new SegmentOptions { GapSeconds = parse.GetValue(flags.SegmentGap) };
        try
        {
            analyzer.Validate();
            segments.Validate();
        }
        catch (OptionsException e) when (FlagVocabulary.Describe(e) is { } message)
        {
            throw new UsageException(message);
        }

        var output = OutFolder.Require(parse.GetValue(flags.Out));
        var deviceKind = parse.GetValue(flags.Device);
        var detectorKind = parse.GetValue(flags.Detector);
        var detectorModel = parse.GetValue(flags.DetectorModel);
        if (detectorModel is not null && detectorKind != FaceDetectorKind.YuNet) throw new UsageException("--detector-model is a YuNet model: it needs --detector yunet.");
        var temporalMode = parse.GetValue(flags.Temporal);

        var source = camera is { } index ? InputSource.FromCamera(index) : InputSource.FromPath(input!);
        analyzer = analyzer with
        {
            Detector = AnalyzerOptions.Default.Detector with { Kind = detectorKind, ModelPath = detectorModel },
            Recognizer = analyzer.Recognizer with { Temporal = temporalMode },
        };
        return new AnalyzeSettings(source, new ModelChoice(parse.GetValue(flags.Checkpoint), parse.GetValue(flags.Backend), deviceKind, StreamingLstm: temporalMode == TemporalMode.Lstm,
            StretchContrast: parse.GetValue(flags.StretchContrast).Override()), analyzer,
            new OutputOptions { Directory = output, Annotate = parse.GetValue(flags.Annotate), Plots = AnalysisPlots.Instance, Segments = segments });
    }
}
