using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Sources;
using EmotionNet.Runtime;

namespace EmotionNet.Cli.Analysis;

/// <summary>Everything 'analyze' was asked to do, parsed and validated.</summary>
internal sealed record AnalyzeSettings(InputSource Source, string? Checkpoint, DeviceKind Device, AnalyzerOptions Analyzer, OutputOptions Output);
