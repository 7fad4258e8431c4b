namespace EmotionNet.Vision.Faces;

/// <summary>Which face detector runs.</summary>
public enum FaceDetectorKind
{
    /// <summary>YuNet, a small CNN (ONNX, shipped inside this assembly): turned, tilted and small faces, with a score and five landmarks. The default.</summary>
    YuNet,

    /// <summary>OpenCV's Haar frontal-face cascade: upright frontal faces only, boxes without landmarks.</summary>
    Haar,
}
