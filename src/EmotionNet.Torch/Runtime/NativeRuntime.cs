using EmotionNet.Core.Runtime;
using static TorchSharp.torch;

namespace EmotionNet.Torch.Runtime;

/// <summary>
/// Checks, once per process, that libtorch's native libraries load, and turns a failure into a
/// <see cref="NativeDependencyException"/> that says what is missing and how to fix it.
/// Call <see cref="EnsureTorch"/> before the first tensor operation; OpenCV has its own probe in EmotionNet.Vision.
/// </summary>
public static class NativeRuntime
{
    // The outcome of a native load is a fact about the process, so it is computed once.
    private static readonly Lazy<Exception?> TorchFailure = new(() => NativeProbe.Run("TorchSharp (libLibTorchSharp.so / libtorch)", () =>
    {
        using var x = ones(2, 2);
        using var s = x.sum();
        _ = s.item<float>();
    }));

    /// <summary>Ensures libtorch loads and computes; throws <see cref="NativeDependencyException"/> otherwise.</summary>
    public static void EnsureTorch()
    {
        if (TorchFailure.Value is { } e) throw e;
    }
}
