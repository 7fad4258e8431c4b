using EmotionNet.Inference.Analysis;

namespace EmotionNet.AspNetCore.Inference;

/// <summary>One uploaded image or stream frame after <see cref="EmotionNetEngine.Analyze"/>.</summary>
/// <param name="Frame">Its faces and emotions; null when it was refused.</param>
/// <param name="Refused">Why it could not be analyzed (for a 422 problem or a stream error); null when it was.</param>
/// <param name="Seconds">Server time: decoding, detection and recognition.</param>
internal sealed record AnalyzedImage(FrameResult? Frame, string? Refused, double Seconds);
