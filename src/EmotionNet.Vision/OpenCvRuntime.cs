using EmotionNet.Core.Runtime;
using OpenCvSharp;

namespace EmotionNet.Vision;

/// <summary>
/// Checks, once per process, that OpenCV's native library loads, and turns a failure into a
/// <see cref="NativeDependencyException"/> that names the missing library and the fix.
/// </summary>
public static class OpenCvRuntime
{
    // Whether a native library loads is a fact about the process, so it is computed once.
    private static readonly Lazy<Exception?> Failure = new(() => NativeProbe.Run("OpenCvSharp (libOpenCvSharpExtern.so)", () =>
    {
        using var m = new Mat(2, 2, MatType.CV_8UC1, Scalar.All(1));
        _ = Cv2.Sum(m);
    }));

    /// <summary>Ensures OpenCV loads and computes; throws <see cref="NativeDependencyException"/> otherwise.</summary>
    public static void Ensure()
    {
        if (Failure.Value is { } e) throw e;
    }
}
