using EmotionNet.AspNetCore.Api;

namespace EmotionNet.AspNetCore.Streaming;

/// <summary>What the server sends back for one stream frame, as a text message of JSON.</summary>
/// <param name="Type">"result", or "error" for a frame that could not be analyzed (the stream goes on).</param>
/// <param name="Frame">The frame's number: its place among the binary messages the client sent, from 1.</param>
/// <param name="Width">Frame width in pixels (0 for an error).</param>
/// <param name="Height">Frame height in pixels (0 for an error).</param>
/// <param name="Faces">The faces, each with its tracked id and followed (smoothed) emotion; empty for an error.</param>
/// <param name="Dropped">Frames dropped so far because a newer one arrived before they were analyzed.</param>
/// <param name="Seconds">Server time for this frame.</param>
/// <param name="Detail">Why the frame was refused, for an error.</param>
public sealed record StreamMessage(string Type, long Frame, int Width, int Height, IReadOnlyList<FaceDto> Faces, long Dropped, double Seconds, string? Detail = null);
