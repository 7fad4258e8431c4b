using System.CommandLine;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Cli.Flags;

/// <summary>Flags that analyze and evaluate share: the face detector and the contrast stretch of the model's input.</summary>
internal static class FaceFlags
{
    /// <summary>--detector yunet|haar.</summary>
    public static Option<FaceDetectorKind> Detector() => FlagParsers.Choice("--detector",
        "Face detector: yunet (turned, tilted and small faces; aligned crops) or haar (the frontal-face cascade).",
        FaceDetectorKind.YuNet, ("yunet", FaceDetectorKind.YuNet), ("haar", FaceDetectorKind.Haar));

    /// <summary>--stretch-contrast; <paramref name="overrides"/> says what on/off override (default: the model for this run).</summary>
    public static Option<StretchContrastChoice> StretchContrast(string overrides = "override it for this run (a .ckpt only; an ONNX model has it in its graph)") => FlagParsers.Choice("--stretch-contrast",
        "Stretch each face's grey levels to 0-255 before the model's mean and std, as FER2013's faces are stored: " +
        $"model = as the checkpoint says (default), on/off = {overrides}. docs/model-card.md compares both on real photos.",
        StretchContrastChoice.Model, ("model", StretchContrastChoice.Model), ("on", StretchContrastChoice.On), ("off", StretchContrastChoice.Off));
}
