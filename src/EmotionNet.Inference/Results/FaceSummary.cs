using EmotionNet.Core.Emotions;

namespace EmotionNet.Inference.Results;

/// <summary>What one tracked face showed over the run.</summary>
/// <param name="FaceId">The face's track id.</param>
/// <param name="Frames">Processed frames in which the face was seen.</param>
/// <param name="FirstSeconds">Time it was first seen.</param>
/// <param name="LastSeconds">Time it was last seen.</param>
/// <param name="Dominant">The emotion it was labelled with most often.</param>
/// <param name="Shares">Fraction of its frames labelled with each class, in class order (sums to 1).</param>
/// <param name="UncertainFrames">Frames whose result was flagged uncertain.</param>
/// <param name="MeanConfidence">Mean confidence of its labels.</param>
public sealed record FaceSummary(int FaceId, int Frames, double FirstSeconds, double LastSeconds, Emotion Dominant, IReadOnlyList<double> Shares, int UncertainFrames, double MeanConfidence)
{
    /// <summary>The photo the face is in, for independent photos (a folder's file name); null for a video, camera or sequence.</summary>
    public string? Source { get; init; }
}
