using EmotionNet.Core.Emotions;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Vision.Annotation;

/// <summary>What <see cref="FrameAnnotator"/> draws for one face.</summary>
/// <param name="FaceId">The face's id, drawn as <c>#id</c>.</param>
/// <param name="Box">Where the face is, in frame pixels.</param>
/// <param name="Label">The emotion shown; it also picks the colour (<see cref="EmotionColors"/>).</param>
/// <param name="Confidence">The label's probability in [0, 1], drawn as a percentage and a bar.</param>
/// <param name="Uncertain">Marks the label with a "?".</param>
public sealed record FaceAnnotation(int FaceId, FaceBox Box, Emotion Label, float Confidence, bool Uncertain);
