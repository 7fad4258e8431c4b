namespace EmotionNet.Core.Imaging;

/// <summary>Geometry of the model's input frames: FER2013's 48x48 grey faces.</summary>
public static class FaceImage
{
    /// <summary>Width and height of a face frame in pixels.</summary>
    public const int Side = 48;

    /// <summary>Bytes in one grey face frame (48 x 48).</summary>
    public const int FrameBytes = Side * Side;
}
