namespace EmotionNet.Vision.Sources;

/// <summary>What is known about a source before it is read.</summary>
/// <param name="Kind">The kind of source.</param>
/// <param name="Name">How messages name it (a path or "camera N").</param>
/// <param name="FrameCount">Frames it holds, or null when unknown (a camera, some videos).</param>
/// <param name="Fps">Frames per second used for timestamps.</param>
/// <param name="Width">Frame width in pixels, or 0 when unknown until read.</param>
/// <param name="Height">Frame height in pixels, or 0 when unknown until read.</param>
public sealed record SourceInfo(SourceKind Kind, string Name, int? FrameCount, double Fps, int Width, int Height);
