using System.Text.Json;
using EmotionNet.Torch.Checkpoints;
using OpenCvSharp;

namespace EmotionNet.Reliability.Tests.Support;

/// <summary>Checks that a file under a final name is whole: checkpoints load, JSON parses, CSV rows are whole, PNGs decode.</summary>
internal static class OutputFiles
{
    /// <summary>True for a temporary sibling (".name.&lt;guid&gt;.tmp.ext"), the only kind of file allowed to be partial.</summary>
    public static bool IsTemporary(string file)
    {
        var name = Path.GetFileName(file);
        return name.StartsWith('.') && name.Contains(".tmp", StringComparison.Ordinal);
    }

    public static void AssertUsable(string file)
    {
        switch (Path.GetExtension(file))
        {
            case ".ckpt":
                var checkpoint = Checkpoint.Load(file);
                checkpoint.CreateModel(file).Dispose();
                break;
            case ".json":
                using (JsonDocument.Parse(File.ReadAllBytes(file))) { }
                break;
            case ".csv":
                var lines = File.ReadAllLines(file);
                // Quoted fields (an error message) may hold commas; the batch report quotes them, so count outside quotes.
                Assert.All(lines, l => Assert.Equal(Fields(lines[0]), Fields(l)));
                Assert.EndsWith("\n", File.ReadAllText(file), StringComparison.Ordinal);
                break;
            case ".txt":
                Assert.EndsWith("\n", File.ReadAllText(file), StringComparison.Ordinal);
                break;
            case ".png":
                using (var image = Cv2.ImRead(file)) Assert.False(image.Empty(), file);
                break;
            default:
                Assert.Fail($"unexpected file '{file}'");
                break;
        }
    }

    private static int Fields(string line)
    {
        var count = 1;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) count++;
        }
        return count;
    }
}
