namespace EmotionNet.Inference.Batch;

/// <summary>One face of one input, as a batch report row shows it (values rounded to 4 decimals, as stored).</summary>
/// <param name="FaceId">The face's track id within its input.</param>
/// <param name="Frames">Processed frames in which the face was seen.</param>
/// <param name="Dominant">The emotion it was labelled with most often.</param>
/// <param name="Shares">Fraction of its frames labelled with each class, in the report's class order.</param>
/// <param name="UncertainShare">Fraction of its frames whose result was flagged uncertain.</param>
/// <param name="MeanConfidence">Mean confidence of its labels.</param>
public sealed record BatchFace(int FaceId, int Frames, string Dominant, IReadOnlyList<double> Shares, double UncertainShare, double MeanConfidence);
