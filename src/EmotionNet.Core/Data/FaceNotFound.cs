namespace EmotionNet.Core.Data;

/// <summary>
/// A labelled photo (or clip folder) of a folder data set in which the decoder found no face
/// (<see cref="Imaging.IFaceImageDecoder.NoFaceFound"/>; for a clip, in none of its frames): it is in no
/// <see cref="FaceClipSet"/>, and an end-to-end score counts it as wrong.
/// </summary>
/// <param name="Path">The image file, or the clip folder.</param>
/// <param name="Label">Its class index in the class set read.</param>
/// <param name="Split">The split it would have been in.</param>
public sealed record FaceNotFound(string Path, int Label, DataSplit Split);
