using System.Globalization;
using System.Text.Json;
using EmotionNet.Core.Emotions;
using EmotionNet.TestSupport;
using Xunit.Abstractions;

namespace EmotionNet.Packaging.Tests;

/// <summary>
/// Installs the emotionnet tool from the packed feed with 'dotnet tool install --tool-path' and runs
/// it with no setup: '--help', then 'analyze' on a generated video with the shipped model.
/// </summary>
[Collection(PackagedFeedGroup.Name)]
[Trait("Category", "Slow")] // every test here waits for the solution to be packed
public sealed class ToolInstallTests(PackagedFeed feed, ITestOutputHelper log)
{
    [Fact]
    public void The_installed_tool_shows_help_and_analyzes_a_video_out_of_the_box()
    {
        var work = feed.NewFolder("tool");
        var tools = Path.Combine(work, "tools");
        ProcessRunner.RunChecked(ProcessRunner.Dotnet, ["tool", "install", "--tool-path", tools, "EmotionNet.Cli", "--add-source", feed.Feed, "--version", feed.Version],
            work, TimeSpan.FromMinutes(10));
        var emotionnet = Path.Combine(tools, "emotionnet");
        Assert.True(File.Exists(emotionnet), $"'dotnet tool install' left no '{emotionnet}'.");

        var help = ProcessRunner.RunChecked(emotionnet, ["--help"], work, TimeSpan.FromMinutes(2));
        foreach (var verb in new[] { "train", "evaluate", "analyze" }) Assert.Contains(verb, help.Output, StringComparison.Ordinal);

        // The same scene as the CLI's own video test: one FER2013 face moving right over 12 frames.
        var video = Path.Combine(work, "clip.avi");
        SyntheticScene.WriteVideo(video, 12, 640, 480, 12, SyntheticScene.OneMovingFace("face1.png", 100, 120, 160, 5));
        var output = Path.Combine(work, "out");
        var analyze = ProcessRunner.RunChecked(emotionnet, ["analyze", video, "--out", output, "--device", "cpu"], work, TimeSpan.FromMinutes(5));
        log.WriteLine($"{analyze.Command}\n{analyze.Output}");

        // Every frame has its face (checked first: a row without a face has no label to read).
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(12, summary.RootElement.GetProperty("frames_with_faces").GetInt32());
        var rows = File.ReadAllLines(Path.Combine(output, "frames.csv"));
        Assert.Equal(1 + 12, rows.Length);
        var header = rows[0].Split(',');
        Assert.Equal(ClassSet.Fer7.ClassNames.Select(n => "p_" + n.ToLowerInvariant()), header.Where(h => h.StartsWith("p_", StringComparison.Ordinal)));
        var label = Array.IndexOf(header, "label");
        foreach (var row in rows.Skip(1))
        {
            var cells = row.Split(',');
            Assert.True(Enum.TryParse<Emotion>(cells[label], ignoreCase: true, out _), $"row '{row}' has no emotion label:\n{analyze.Output}");
            Assert.Equal(1.0, cells[^7..].Sum(v => double.Parse(v, CultureInfo.InvariantCulture)), 2);
        }
        Assert.True(File.Exists(Path.Combine(output, "timeline.png")), $"no timeline.png:\n{analyze.Output}");
    }
}
