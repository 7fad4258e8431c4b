namespace EmotionNet.Core.Runtime;

/// <summary>
/// The first native call of a component (libtorch in EmotionNet.Torch, OpenCV in EmotionNet.Vision), with a
/// load failure turned into a <see cref="NativeDependencyException"/> that names what is missing and the fix.
/// </summary>
internal static class NativeProbe
{
    /// <summary>Runs <paramref name="firstCall"/> and describes a load failure; null when it ran.</summary>
    /// <param name="component">What is probed, e.g. "TorchSharp (libLibTorchSharp.so / libtorch)".</param>
    /// <param name="firstCall">The component's first native call.</param>
    internal static NativeDependencyException? Run(string component, Action firstCall)
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
