using System.Globalization;
using System.Text.RegularExpressions;
using EmotionNet.Core.Emotions;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using OpenCvSharp;
using Xunit.Abstractions;

namespace EmotionNet.Packaging.Tests;

/// <summary>
/// A console project outside the solution that gets EmotionNet.Inference and EmotionNet.OnnxRuntime from the
/// packed feed (and ONNX Runtime's and OpenCV's natives from nuget.org), as docs/getting-started.md tells a user
/// to, runs the page's program on a picture with a face, must print a prediction, and carries no TorchSharp.
/// </summary>
[Collection(PackagedFeedGroup.Name)]
[Trait("Category", "Slow")] // every test here waits for the solution to be packed
public sealed partial class LibraryConsumerTests(PackagedFeed feed, ITestOutputHelper log)
{
    [Fact]
    public void A_fresh_console_project_predicts_the_emotion_of_a_face_from_the_packages_alone()
    {
        var app = feed.NewFolder("consumer");
        var truth = new FaceBox(150, 90, 180, 180);
        var picture = Path.Combine(app, "face.png");
        using (var face = SyntheticScene.LoadFace("face1.png"))
        using (var scene = SyntheticScene.Compose(480, 360, [(face, truth)]))
            Assert.True(Cv2.ImWrite(picture, scene));

        var dotnet = ProcessRunner.Dotnet;
        ProcessRunner.RunChecked(dotnet, ["new", "console", "-n", "Consumer", "-o", app, "--framework", "net10.0", "--no-restore"], app, TimeSpan.FromMinutes(3));
        ConsumerProject.WriteNuGetConfig(app, feed.Feed);
        ProcessRunner.RunChecked(dotnet, ["add", "package", "EmotionNet.Inference", "--version", feed.Version], app, TimeSpan.FromMinutes(10));
        ProcessRunner.RunChecked(dotnet, ["add", "package", "EmotionNet.OnnxRuntime", "--version", feed.Version], app, TimeSpan.FromMinutes(10));
        ProcessRunner.RunChecked(dotnet, ["add", "package", "Microsoft.ML.OnnxRuntime", "--version", "1.31.1"], app, TimeSpan.FromMinutes(10));
        ProcessRunner.RunChecked(dotnet, ["add", "package", "OpenCvSharp4.official.runtime.linux-x64", "--version", "4.13.0.20260627"], app, TimeSpan.FromMinutes(10));
        File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProject.GettingStartedProgram());

        // Invariant formatting, so the test reads the numbers the same way on any machine.
        var run = ProcessRunner.RunChecked(dotnet, ["run", "-c", "Release", "--", picture], app, TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" });
        log.WriteLine($"{run.Command}\n{run.Output}");

        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var faces = lines.Select(l => FaceLine().Match(l)).Where(m => m.Success).ToList();
        var found = Assert.Single(faces);
        Assert.Contains("1 face(s)", lines);

        var box = new FaceBox(Int(found, "x"), Int(found, "y"), Int(found, "w"), Int(found, "h"));
        Assert.True(box.IntersectionOverUnion(truth) > 0.4, $"face found at {box}, pasted at {truth}:\n{run.Output}");
        var scores = found.Groups["scores"].Value.Split(", ").Select(s => s.Split(' ')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        Assert.Equal(ClassSet.Fer7.ClassNames.Order(), scores.Keys.Order());
        Assert.Equal(1.0, scores.Values.Sum(), 2);
        var label = found.Groups["label"].Value;
        Assert.True(Enum.TryParse<Emotion>(label, out _), $"'{label}' is not an emotion:\n{run.Output}");
        Assert.Equal(scores.MaxBy(s => s.Value).Key, label);

        // An app on ONNX Runtime: nothing of TorchSharp, libtorch or Skia in what it runs with.
        var deps = File.ReadAllText(Path.Combine(app, "bin", "Release", "net10.0", "Consumer.deps.json"));
        foreach (var absent in new[] { "TorchSharp", "libtorch", "SkiaSharp", "EmotionNet.Torch" })
            Assert.DoesNotContain(absent, deps, StringComparison.OrdinalIgnoreCase);
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^face at (?<x>\d+),(?<y>\d+) (?<w>\d+)x(?<h>\d+): (?<label>\w+) \((?<confidence>[^)]*)\) \[(?<scores>[^\]]*)\]$")]
    private static partial Regex FaceLine();
}
