using System.Diagnostics;
using System.Reflection;
using EmotionNet.Checkpoints;
using EmotionNet.TestSupport;

namespace EmotionNet.Onnx.Tests;

/// <summary>
/// The ONNX classifier needs no libtorch: an app built with EmotionNet.OnnxRuntime and ONNX Runtime's
/// natives only (tests/EmotionNet.OnnxRuntime.NoTorchCheck, no libtorch in its folder) predicts, and
/// /proc/self/maps of its process then shows no torch library. A separate process, because this test
/// process loads libtorch for the exporter.
/// </summary>
public sealed class NoTorchTests
{
    [SkippableFact]
    public void An_app_without_libtorch_predicts_with_the_exported_model()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the check reads /proc/self/maps, which only Linux has");
        var app = typeof(NoTorchTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NoTorchCheck").Value!;
        Assert.True(File.Exists(app), $"{app} is not built");
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(app)!, "libtorch*.so*", SearchOption.AllDirectories));
        using var temp = new TempFolder();
        var model = temp.File("shipped.onnx");
        OnnxExporter.Export(ShippedModel.Load(), ShippedModel.SourceName, model);

        using var process = Process.Start(new ProcessStartInfo("dotnet", [app, model]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stdout + stderr);
        Assert.Contains("probabilities ", stdout, StringComparison.Ordinal);
        Assert.Contains("classes Angry,Disgust,Fear,Happy,Sad,Surprise,Neutral", stdout, StringComparison.Ordinal);
        Assert.Contains("onnxruntime mapped: True", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("native torch mapped", stdout, StringComparison.Ordinal);
    }
}
