using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Batch;
using EmotionNet.Onnx;
using EmotionNet.TestSupport;
using EmotionNet.Torch.Models;
using OpenCvSharp;
using static TorchSharp.torch;

namespace EmotionNet.Reliability.Tests.Support;

/// <summary>
/// The generated inputs of the batch-era kinds: photo folders, detector and ONNX models derived from
/// real ones, and shard folders written by a real batch run (then damaged by the case).
/// </summary>
internal static class BatchCorpusFiles
{
    /// <summary>A 640x480 picture with one face, what the detector cases analyze.</summary>
    public static string FacePhoto => CorpusFiles.Make("face-photo.png", path =>
    {
        using var face = SyntheticScene.LoadFace("face1.png");
        using var frame = SyntheticScene.Compose(640, 480, [(face, new Vision.Faces.FaceBox(220, 140, 160, 160))]);
        Cv2.ImWrite(path, frame);
    });

    /// <summary>Two small committed photos, the inputs of the shard-flag cases.</summary>
    public static string[] TwoPhotos => [CorpusFiles.Committed("images/grey-8bit.png"), CorpusFiles.Committed("images/rgba.png")];

    /// <summary>The YuNet detector model shipped in EmotionNet.Vision.</summary>
    public static byte[] YuNetBytes
    {
        get
        {
            using var stream = typeof(Vision.Faces.FaceDetectors).Assembly.GetManifestResourceStream("EmotionNet.Vision.face_detection_yunet_2023mar.onnx")!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    /// <summary>A tiny fer7 model exported to ONNX (what <c>emotionnet export</c> writes).</summary>
    public static byte[] TinyOnnxBytes => File.ReadAllBytes(CorpusFiles.Make("tiny.onnx", path =>
    {
        random.manual_seed(1);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [4, 8], ConvsPerBlock = 1, LstmHidden = 8 });
        File.WriteAllBytes(path, OnnxExporter.ToBytes(model, new CheckpointMetadata { Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1 }));
    }));

    /// <summary>A folder named <paramref name="name"/> holding <paramref name="files"/> (relative path, then content: a committed corpus file or literal bytes).</summary>
    public static string Folder(string name, params (string File, object Content)[] files) => CorpusFiles.Make(name, root =>
    {
        Directory.CreateDirectory(root);
        foreach (var (file, content) in files)
        {
            var path = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            switch (content)
            {
                case byte[] bytes: File.WriteAllBytes(path, bytes); break;
                case string committed: File.Copy(CorpusFiles.Committed(committed), path); break;
                default: throw new ArgumentException($"Unknown content for {file}.", nameof(files));
            }
        }
    });

    /// <summary>
    /// A folder holding <c>shard-0</c> and <c>shard-1</c>, the outputs of a real two-shard batch over four
    /// photos (FakeClassifier), then changed by <paramref name="damage"/> (given the folder).
    /// </summary>
    public static string Shards(string name, Action<string> damage) => CorpusFiles.Make(name, root =>
    {
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        foreach (var image in new[] { "grey-8bit.png", "rgba.png", "one-by-one.png", "grey-16bit.png" })
            File.Copy(CorpusFiles.Committed("images/" + image), Path.Combine(data, image));
        var plan = BatchPlan.FromPaths([Path.Combine(data, "*.png")]);
        for (var shard = 0; shard < 2; shard++) RunShard(plan, new Shard(shard, 2), Path.Combine(root, $"shard-{shard}"));
        damage(root);
        Directory.Delete(data, recursive: true);
    });

    /// <summary>Runs one shard of <paramref name="plan"/> into <paramref name="folder"/>.</summary>
    public static void RunShard(BatchPlan plan, Shard shard, string folder, IEmotionClassifier? classifier = null) =>
        BatchRunner.RunAsync(classifier ?? new FakeClassifier(), plan, AnalyzerOptions.Default, new OutputOptions { Directory = folder }, new BatchOptions { Shard = shard }).GetAwaiter().GetResult();

    /// <summary>A manifest file <paramref name="name"/> next to the committed images, its content written by <paramref name="write"/>.</summary>
    public static string Manifest(string name, Action<string> write) => CorpusFiles.Make(Path.Combine("manifests", name), write);
}
