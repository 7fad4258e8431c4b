using System.Text.RegularExpressions;

namespace EmotionNet.Core.Runtime;

/// <summary>
/// Turns a native load failure (TypeInitializationException, DllNotFoundException, ...) into a
/// message that names the missing library or symbol version and how to get it.
/// </summary>
internal static partial class NativeLoadDiagnosis
{
    internal const string RequiredGlibcxx = "GLIBCXX_3.4.32";
    internal const string FixHint =
        "Fix: run 'sudo eng/install-prerequisites.sh' from the EmotionNet repository (Debian 12), " +
        "or use a system with GCC 13's libstdc++ or newer (Debian 13+, Ubuntu 24.04+, Fedora 39+).";

    /// <summary>Off Linux the system libraries are not the cause: the platform's native runtime package is missing.</summary>
    internal const string OtherPlatformsFixHint =
        "Fix: the application must carry this platform's native runtime (libtorch-cpu-win-x64 or -osx-arm64 for libtorch; " +
        "for OpenCV an OpenCvSharp4 runtime package for this platform, which the emotionnet tool's win-x64 and osx-arm64 packages " +
        "do not carry; see docs/getting-started.md).";

    /// <summary>Builds the user-facing message for a failure to load <paramref name="component"/>.</summary>
    /// <param name="component">What failed, e.g. "TorchSharp (libLibTorchSharp.so)".</param>
    /// <param name="failure">The exception the first native call threw.</param>
    /// <param name="systemHasRequiredGlibcxx">Whether the system libstdc++ exports <see cref="RequiredGlibcxx"/>; null where unknown (not Linux).</param>
    internal static string Describe(string component, Exception failure, bool? systemHasRequiredGlibcxx)
    {
        var details = string.Join(" | ", Flatten(failure).Select(e => e.Message).Distinct());
        var missingSymbol = GlibcxxPattern().Match(details);
        var missingLib = MissingLibraryPattern().Match(details);

        string cause;
        if (missingSymbol.Success)
            cause = $"the C++ runtime lacks symbol version {missingSymbol.Value} (libstdc++ of GCC 13 or newer is needed).";
        else if (missingLib.Success)
            cause = $"the shared library {missingLib.Groups["lib"].Value} is missing.";
        else if (systemHasRequiredGlibcxx == false && component.Contains("Torch", StringComparison.Ordinal))
            cause = $"the system libstdc++ lacks {RequiredGlibcxx} (libstdc++ of GCC 13 or newer is needed).";
        else
            cause = "the native library or one of its dependencies is missing.";

        var fix = OperatingSystem.IsLinux() ? FixHint : OtherPlatformsFixHint;
        return $"{component} could not be loaded: {cause} {fix} (loader said: {details})";
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            yield return x;
    }

    /// <summary>Whether the system's libstdc++ exports the symbol version libtorch needs; null off Linux.</summary>
    internal static bool? SystemHasRequiredGlibcxx()
    {
        if (!OperatingSystem.IsLinux()) return null;
        string[] candidates = ["/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6"];
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null) return null;
        var needle = System.Text.Encoding.ASCII.GetBytes(RequiredGlibcxx);
        return File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0;
    }

    [GeneratedRegex(@"GLIBCXX_\d+\.\d+\.\d+")]
    private static partial Regex GlibcxxPattern();

    [GeneratedRegex(@"(?<lib>lib[\w\-+.]+?\.so(\.\d+)*): cannot open shared object file")]
    private static partial Regex MissingLibraryPattern();
}
