using OpenCvSharp;
using static TorchSharp.torch;

namespace EmotionNet.Runtime;

/// <summary>
/// Checks, once per process, that the native libraries load, and turns a failure into a
/// <see cref="NativeDependencyException"/> that says what is missing and how to fix it.
/// Call the Ensure methods before the first tensor or image operation.
/// </summary>
public static class NativeRuntime
{
    // The outcome of a native load is a fact about the process, so it is computed once.
    private static readonly Lazy<Exception?> TorchFailure = new(() => Probe("TorchSharp (libLibTorchSharp.so / libtorch)", () =>
    {
        using var x = ones(2, 2);
        using var s = x.sum();
        _ = s.item<float>();
    }));

    private static readonly Lazy<Exception?> OpenCvFailure = new(() => Probe("OpenCvSharp (libOpenCvSharpExtern.so)", () =>
    {
        using var m = new Mat(2, 2, MatType.CV_8UC1, Scalar.All(1));
        _ = Cv2.Sum(m);
    }));

    /// <summary>Ensures libtorch loads and computes; throws <see cref="NativeDependencyException"/> otherwise.</summary>
    public static void EnsureTorch()
    {
        if (TorchFailure.Value is { } e) throw e;
    }

    /// <summary>Ensures OpenCV loads and computes; throws <see cref="NativeDependencyException"/> otherwise.</summary>
    public static void EnsureOpenCv()
    {
        if (OpenCvFailure.Value is { } e) throw e;
    }

    internal static NativeDependencyException? Probe(string component, Action firstCall)
    {
        try
        {
            firstCall();
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or NotSupportedException)
        {
            return new NativeDependencyException(NativeLoadDiagnosis.Describe(component, e, NativeLoadDiagnosis.SystemHasRequiredGlibcxx()), e);
        }
    }
}
