using System.Runtime.InteropServices;
using EmotionNet.Core.Runtime;

namespace EmotionNet.Torch.Runtime;

/// <summary>
/// Uses a libtorch that is already installed (a PyTorch install's <c>torch/lib</c>, an unpacked libtorch
/// archive) instead of a libtorch NuGet package: the way to a GPU where no TorchSharp-cuda package can
/// be restored (docs/gpu.md). TorchSharp 0.107's native shim binds to libtorch by its library names, so
/// loading that folder's libraries first, by full path, makes TorchSharp use them.
/// </summary>
public static class ExternalLibTorch
{
    /// <summary>The environment variable the emotionnet tool reads to name such a folder.</summary>
    public const string Variable = "EMOTIONNET_LIBTORCH";

    /// <summary>Libraries loaded in dependency order; the CUDA ones only where the folder has them.</summary>
    private static readonly (string File, bool Required)[] Libraries =
    [
        ("libc10.so", true), ("libc10_cuda.so", false), ("libtorch_cpu.so", true), ("libtorch_cuda.so", false), ("libtorch.so", true),
    ];

    private static readonly Lock Gate = new();
    private static string? loadedFrom;

    /// <summary>The folder whose libtorch this process uses, or null when none was loaded this way.</summary>
    public static string? LoadedFrom => loadedFrom;

    /// <summary>
    /// Loads libtorch from <paramref name="directory"/>. Call it before the first tensor operation; calling
    /// it again with the same folder does nothing. Linux only (other platforms: use a TorchSharp package).
    /// </summary>
    /// <exception cref="NativeDependencyException">The folder is missing, lacks a libtorch library, or a library does not load (wrong architecture, missing dependency).</exception>
    public static void Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var folder = Path.GetFullPath(directory);
        lock (Gate)
        {
            if (loadedFrom is not null)
            {
                if (loadedFrom != folder)
                    throw new NativeDependencyException($"libtorch is already loaded from '{loadedFrom}'; a process can use one libtorch only, not also '{folder}'.");
                return;
            }
            if (!OperatingSystem.IsLinux())
                throw new NativeDependencyException($"Loading libtorch from a folder ('{folder}') is supported on Linux only; elsewhere reference a TorchSharp-cpu or TorchSharp-cuda package.");
            if (!Directory.Exists(folder))
                throw new NativeDependencyException($"The libtorch folder '{folder}' does not exist (expected a PyTorch install's torch/lib, with libtorch.so, libtorch_cpu.so and libc10.so).");
            foreach (var (file, required) in Libraries)
            {
                var path = Path.Combine(folder, file);
                if (!File.Exists(path))
                {
                    if (required) throw new NativeDependencyException($"The libtorch folder '{folder}' has no {file} (expected a PyTorch install's torch/lib, with libtorch.so, libtorch_cpu.so and libc10.so).");
                    continue;
                }
                try
                {
                    NativeLibrary.Load(path);
                }
                catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
                {
                    throw new NativeDependencyException($"'{path}' does not load: {e.Message}. It must be a Linux x64 libtorch whose own dependencies (CUDA runtime, libgomp) can be found.", e);
                }
            }
            loadedFrom = folder;
        }
    }
}
