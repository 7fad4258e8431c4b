using TorchSharp;

namespace EmotionNet.Torch.Runtime;

/// <summary>
/// Constant <see cref="Scalar"/>s that live as long as the process, for the hot paths of training and inference.
/// Why: TorchSharp 0.107's <see cref="Scalar"/> has a finalizer and its tensor methods pass <c>scalar.Handle</c> to
/// native code without <c>GC.KeepAlive</c>, so an implicitly converted temporary (<c>t.mul(0.5)</c>, or the alpha
/// of 1 that <c>add(t)</c> / <c>add_(t)</c> make) can be finalized while libtorch still reads it: a crash
/// ("Unknown scalar type") or, at a float call site, a silently wrong value (dotnet/TorchSharp#1434, docs/training.md).
/// Values that vary per call are made with <c>using var s = x.ToScalar()</c> instead, which keeps them alive to the end of scope.
/// </summary>
internal static class HeldScalars
{
    /// <summary>The integer 0.</summary>
    public static readonly Scalar Zero = 0.ToScalar();

    /// <summary>The integer 1: the alpha TorchSharp's own <c>add(t)</c> and <c>add_(t)</c> pass, made explicit.</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>The integer 2 (squares).</summary>
    public static readonly Scalar Two = 2.ToScalar();
}
