namespace EmotionNet.Inference.Recognition;

/// <summary>One tracked face's 48x48 grey crop for the current frame.</summary>
/// <param name="TrackId">The face's track id.</param>
/// <param name="Pixels">2304 grey bytes, row by row.</param>
public sealed record FaceInput(int TrackId, ReadOnlyMemory<byte> Pixels);
