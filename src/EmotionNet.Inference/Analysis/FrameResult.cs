using EmotionNet.Vision.Annotation;

namespace EmotionNet.Inference.Analysis;

/// <summary>The analysis of one processed frame.</summary>
/// <param name="FrameIndex">Index of the frame in the source (0-based; with Every = N, multiples of N).</param>
/// <param name="TimeSeconds">Time of the frame in seconds from the start of the source.</param>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
/// <param name="Faces">The faces found, left to right; empty when none.</param>
/// <param name="SourceName">The image's file name for image inputs; null for videos and cameras.</param>
public sealed record FrameResult(int FrameIndex, double TimeSeconds, int Width, int Height, IReadOnlyList<FaceResult> Faces, string? SourceName = null)
{
    /// <summary>The faces as <see cref="FrameAnnotator"/> draws them.</summary>
    public IReadOnlyList<FaceAnnotation> Annotations() =>
        Faces.Select(f => new FaceAnnotation(f.FaceId, f.Box, f.Label, f.Confidence, f.Uncertain)).ToArray();
}
