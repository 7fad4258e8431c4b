using OpenCvSharp;

namespace EmotionNet.Inference.Analysis;

/// <summary>A frame result with the decoded frame, valid until the enumeration moves on (the analyzer disposes it).</summary>
internal sealed record AnalyzedFrame(FrameResult Result, Mat Image);
