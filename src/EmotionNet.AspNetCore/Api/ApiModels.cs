using EmotionNet.Core.Emotions;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Faces;

namespace EmotionNet.AspNetCore.Api;

/// <summary>The faces of one analyzed image.</summary>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Faces">The faces found, left to right; empty when none.</param>
/// <param name="Seconds">Time the server spent detecting and recognizing (decoding included).</param>
public sealed record AnalyzeResponse(int Width, int Height, IReadOnlyList<FaceDto> Faces, double Seconds);

/// <summary>One face.</summary>
/// <param name="Id">Its id: 1, 2, ... in an image; in a stream the tracked id, stable while the face stays in view.</param>
/// <param name="Box">Where it is, in image pixels.</param>
/// <param name="Landmarks">Eyes, nose and mouth corners (YuNet; in a stream, on the frames between detections, the last detection's moved with the face); null for a detector without them (Haar).</param>
/// <param name="Label">The most probable emotion.</param>
/// <param name="Confidence">Its probability.</param>
/// <param name="Uncertain">True when the confidence is below the uncertainty threshold.</param>
/// <param name="Probabilities">Each class's probability, in the model's class order (in a stream, smoothed over the face's frames).</param>
public sealed record FaceDto(int Id, BoxDto Box, LandmarksDto? Landmarks, string Label, float Confidence, bool Uncertain, IReadOnlyDictionary<string, float> Probabilities);

/// <summary>A face box in pixels.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record BoxDto(int X, int Y, int Width, int Height);

/// <summary>A point in pixels.</summary>
/// <param name="X">From the left edge.</param>
/// <param name="Y">From the top edge.</param>
public sealed record PointDto(float X, float Y);

/// <summary>The five points YuNet gives; "right" and "left" are the person's own.</summary>
/// <param name="RightEye">Right eye.</param>
/// <param name="LeftEye">Left eye.</param>
/// <param name="Nose">Nose tip.</param>
/// <param name="RightMouth">Right mouth corner.</param>
/// <param name="LeftMouth">Left mouth corner.</param>
public sealed record LandmarksDto(PointDto RightEye, PointDto LeftEye, PointDto Nose, PointDto RightMouth, PointDto LeftMouth);

/// <summary>Builds the response records from the analyzer's faces.</summary>
internal static class ApiModels
{
    public static FaceDto[] Faces(IReadOnlyList<FaceResult> faces, ClassSet classes) => faces.Select(f => Face(f, classes)).ToArray();

    private static FaceDto Face(FaceResult r, ClassSet classes)
    {
        var probabilities = new Dictionary<string, float>(classes.Count);
        for (var c = 0; c < classes.Count; c++) probabilities[classes.ClassNames[c]] = r.Probabilities[c];
        return new FaceDto(r.FaceId, new BoxDto(r.Box.X, r.Box.Y, r.Box.Width, r.Box.Height), Landmarks(r.Landmarks),
            r.Label.ToString(), r.Confidence, r.Uncertain, probabilities);
    }

    private static LandmarksDto? Landmarks(FaceLandmarks? l) => l is null ? null
        : new LandmarksDto(Point(l.RightEye), Point(l.LeftEye), Point(l.Nose), Point(l.RightMouth), Point(l.LeftMouth));

    private static PointDto Point(OpenCvSharp.Point2f p) => new(MathF.Round(p.X, 1), MathF.Round(p.Y, 1));
}
