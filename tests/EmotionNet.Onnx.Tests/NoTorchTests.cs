using System.Diagnostics;
using System.Reflection;

namespace EmotionNet.Onnx.Tests;

/// <summary>
/// The ONNX classifier needs no TorchSharp: an app built with EmotionNet.Inference, EmotionNet.OnnxRuntime and
/// ONNX Runtime's natives only (tests/EmotionNet.OnnxRuntime.NoTorchCheck: no TorchSharp, libtorch or Skia in its
/// folder) predicts, also through the recognizer, and its process then has loaded no TorchSharp and mapped no
/// torch library. A separate process, because this test
/// process loads libtorch for the exporter.
/// </summary>
public sealed class NoTorchTests
{
    [SkippableFact]
    public void An_app_without_libtorch_predicts_with_the_shipped_onnx_model()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the check reads /proc/self/maps, which only Linux has");
        var app = typeof(NoTorchTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NoTorchCheck").Value!;
        Assert.True(File.Exists(app), $"{app} is not built");
        var folder = Path.GetDirectoryName(app)!;
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).ToArray();
        Assert.Contains("EmotionNet.Inference.dll", files);
        // The app's own name says NoTorchCheck; TorchSharp's, libtorch's and Skia's files are named for them.
        Assert.DoesNotContain(files, f => Path.GetFileName(f) is var name && (name.StartsWith("TorchSharp", StringComparison.Ordinal)
            || name.StartsWith("libtorch", StringComparison.Ordinal) || name.StartsWith("libc10", StringComparison.Ordinal)
            || name.Contains("LibTorchSharp", StringComparison.Ordinal) || name.Contains("Skia", StringComparison.OrdinalIgnoreCase)));
        // The weights ship once: the .onnx inside EmotionNet.OnnxRuntime.dll, no checkpoint.
        Assert.DoesNotContain(files, f => f.EndsWith(".ckpt", StringComparison.Ordinal) || f.EndsWith(".onnx", StringComparison.Ordinal));

        using var process = Process.Start(new ProcessStartInfo("dotnet", [app]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stdout + stderr);
        Assert.Contains("probabilities ", stdout, StringComparison.Ordinal);
        Assert.Contains("classes Angry,Disgust,Fear,Happy,Sad,Surprise,Neutral", stdout, StringComparison.Ordinal);
        Assert.Contains("onnxruntime mapped: True", stdout, StringComparison.Ordinal);
        Assert.Contains("recognized 1:", stdout, StringComparison.Ordinal);
        Assert.Contains("managed TorchSharp.dll loaded: False", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("native torch mapped", stdout, StringComparison.Ordinal);
    }
}
