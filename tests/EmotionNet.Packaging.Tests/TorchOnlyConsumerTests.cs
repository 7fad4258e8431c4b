using System.Globalization;
using EmotionNet.TestSupport;
using Xunit.Abstractions;

namespace EmotionNet.Packaging.Tests;

/// <summary>
/// An app that wants only the TorchSharp model references EmotionNet.Torch (plus a libtorch runtime) and gets
/// no OpenCV, ScottPlot or Skia native with it: it classifies a 48x48 face given as bytes, and its build
/// output holds no OpenCV or Skia native library.
/// </summary>
[Collection(PackagedFeedGroup.Name)]
[Trait("Category", "Slow")] // every test here waits for the solution to be packed
public sealed class TorchOnlyConsumerTests(PackagedFeed feed, ITestOutputHelper log)
{
    private const string Program = """
        using EmotionNet.Torch;

        // A 48x48 grey face, 2304 bytes row by row, as a FER2013 row or any decoder gives it.
        var face = File.ReadAllBytes(args[0]);
        using var classifier = EmotionClassifier.LoadShipped();
        var probabilities = classifier.Predict(face, clipCount: 1);
        var best = Array.IndexOf(probabilities, probabilities.Max());
        Console.WriteLine(FormattableString.Invariant($"{classifier.Classes.Classes[best]} {probabilities[best]:F3} sum {probabilities.Sum():F3}"));
        """;

    [Fact]
    public void An_app_referencing_only_the_torch_model_classifies_face_bytes_and_carries_no_opencv_or_skia()
    {
        var app = feed.NewFolder("torch-only");
        // A Happy face of the committed FER2013 sample (label 3), as raw bytes.
        var row = File.ReadLines(Repository.Path("data/sample/fer2013-sample.csv")).Skip(1).First(l => l.StartsWith("3,", StringComparison.Ordinal));
        var pixels = row.Split(',')[1].Split(' ').Select(p => byte.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(2304, pixels.Length);
        var facePath = Path.Combine(app, "face.raw");
        File.WriteAllBytes(facePath, pixels);

        var dotnet = ProcessRunner.Dotnet;
        ProcessRunner.RunChecked(dotnet, ["new", "console", "-n", "TorchOnly", "-o", app, "--framework", "net10.0", "--no-restore"], app, TimeSpan.FromMinutes(3));
        ConsumerProject.WriteNuGetConfig(app, feed.Feed);
        ProcessRunner.RunChecked(dotnet, ["add", "package", "EmotionNet.Torch", "--version", feed.Version], app, TimeSpan.FromMinutes(10));
        ProcessRunner.RunChecked(dotnet, ["add", "package", "libtorch-cpu-linux-x64", "--version", "2.10.0"], app, TimeSpan.FromMinutes(15));
        File.WriteAllText(Path.Combine(app, "Program.cs"), Program);

        var run = ProcessRunner.RunChecked(dotnet, ["run", "-c", "Release", "--", facePath], app, TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" });
        log.WriteLine($"{run.Command}\n{run.Output}");

        var line = run.Output.Split('\n', StringSplitOptions.TrimEntries).Last(l => l.Contains(" sum ", StringComparison.Ordinal));
        var parts = line.Split(' ');
        Assert.True(Enum.TryParse<EmotionNet.Core.Emotions.Emotion>(parts[0], out _), line);
        Assert.Equal(1.0, double.Parse(parts[^1], CultureInfo.InvariantCulture), 2);

        var output = Path.Combine(app, "bin", "Release", "net10.0");
        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).ToArray();
        Assert.Contains("EmotionNet.Core.dll", files);
        Assert.Contains("EmotionNet.Torch.dll", files);
        // Nothing of OpenCV, ScottPlot, HarfBuzz or the sample data, managed or native.
        Assert.DoesNotContain(files, f => f.Contains("OpenCv", StringComparison.OrdinalIgnoreCase) || f.Contains("ScottPlot", StringComparison.OrdinalIgnoreCase)
            || f.Contains("HarfBuzz", StringComparison.OrdinalIgnoreCase) || f.Contains("EmotionNet.Samples", StringComparison.Ordinal));
        // No Skia native library for this platform. TorchSharp 0.107 itself depends on SkiaSharp (managed, with
        // Windows and macOS natives, for torchvision.io), so SkiaSharp.dll and runtimes/win-*, osx come from it.
        Assert.DoesNotContain(files, f => f.EndsWith("libSkiaSharp.so", StringComparison.Ordinal));
        Assert.DoesNotContain(File.ReadAllText(Path.Combine(output, "TorchOnly.deps.json")), "SkiaSharp.NativeAssets.Linux", StringComparison.Ordinal);
    }
}
