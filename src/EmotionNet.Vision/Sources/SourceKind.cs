namespace EmotionNet.Vision.Sources;

/// <summary>What an <see cref="InputSource"/> reads from.</summary>
public enum SourceKind
{
    /// <summary>One image file.</summary>
    Image,
    /// <summary>A folder of images, read in natural file-name order (frame2 before frame10).</summary>
    ImageSequence,
    /// <summary>A video file.</summary>
    Video,
    /// <summary>A camera, by index.</summary>
    Camera,
}
