using System.Collections.Concurrent;
using System.Text;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.TestSupport;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using OpenCvSharp;
using static TorchSharp.torch;

namespace EmotionNet.Reliability.Tests.Support;

/// <summary>
/// The corpus files: committed ones from tests/Corpus (copied to the output folder), and the big or
/// model-derived ones made once per test run in a temporary folder (50 MB lines, a 10000x10000 image,
/// checkpoints derived from a freshly saved tiny model, cut-off videos).
/// </summary>
internal static class CorpusFiles
{
    private static readonly string Generated = Directory.CreateTempSubdirectory("emotionnet-corpus-").FullName;
    private static readonly ConcurrentDictionary<string, Lazy<string>> Made = new();

    static CorpusFiles() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try { Directory.Delete(Generated, recursive: true); } catch (IOException) { }
    };

    /// <summary>A committed corpus file, e.g. <c>csv/empty.csv</c>.</summary>
    public static string Committed(string relative) => Path.Combine(AppContext.BaseDirectory, "Corpus", relative);

    /// <summary>A generated file, made on first use.</summary>
    public static string Make(string name, Action<string> write) =>
        Made.GetOrAdd(name, n => new Lazy<string>(() =>
        {
            var path = Path.Combine(Generated, n);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            write(path);
            return path;
        })).Value;

    /// <summary>A tiny fer7 model's checkpoint (no optimizer state), what every checkpoint case is derived from.</summary>
    public static string TinyCheckpoint => Make("tiny.ckpt", path => SaveTiny(path, [4, 8], 8));

    /// <summary>The bytes of <see cref="TinyCheckpoint"/>.</summary>
    public static byte[] TinyBytes => File.ReadAllBytes(TinyCheckpoint);

    public static void SaveTiny(string path, int[] widths, int hidden)
    {
        random.manual_seed(1);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = widths, ConvsPerBlock = 1, LstmHidden = hidden });
        Checkpoint.Capture(model, new CheckpointMetadata { Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1 })
            .Save(path);
    }

    /// <summary>A file of <paramref name="prefix"/> followed by one line of <paramref name="megabytes"/> MB of pixel-like text, no line break.</summary>
    public static void WriteLongLine(string path, string prefix, int megabytes)
    {
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes(prefix));
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("128 ", 1 << 16)));
        for (long written = 0; written < (long)megabytes << 20; written += chunk.Length) file.Write(chunk);
    }

    /// <summary>A 10000x10000 grey PNG (flat, so the file is small; decoded it is 300 MB of BGR).</summary>
    public static void WriteHugeImage(string path)
    {
        using var image = new Mat(10_000, 10_000, MatType.CV_8UC1, new Scalar(128));
        Cv2.ImWrite(path, image);
    }

    /// <summary>A 40-frame video of a moving face, cut to <paramref name="keepFraction"/> of its bytes.</summary>
    public static void WriteCutVideo(string path, double keepFraction)
    {
        var full = Path.ChangeExtension(path, ".full" + Path.GetExtension(path));
        SyntheticScene.WriteVideo(full, 40, 320, 240, 20, SyntheticScene.OneMovingFace("face1.png", 40, 40, 120, 2));
        var bytes = File.ReadAllBytes(full);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keepFraction)]);
        File.Delete(full);
    }

    /// <summary>A folder data set <c>ROOT/happy/&lt;file&gt;</c> holding one copy of <paramref name="image"/>.</summary>
    public static string FolderWith(string image) => Make("folder-" + Path.GetFileName(image), root =>
    {
        Directory.CreateDirectory(Path.Combine(root, "happy"));
        File.Copy(image, Path.Combine(root, "happy", Path.GetFileName(image)));
    });
}
