using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Onnx;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using OpenCvSharp;

namespace EmotionNet.Fuzz;

/// <summary>Seeds made fresh by this build, so they always match the current formats.</summary>
internal static class Seeds
{
    /// <summary>Writes the seeds of <paramref name="target"/> into <paramref name="dir"/>.</summary>
    public static void Write(string target, string dir)
    {
        Directory.CreateDirectory(dir);
        switch (target)
        {
            case "checkpoint": Checkpoints(dir); break;
            case "onnx": Onnx(dir); break;
            case "merge": Merge(dir); break;
            case "image": Images(dir); break;
            default: throw new ArgumentException($"No generated seeds for '{target}'.", nameof(target));
        }
    }

    private static void Checkpoints(string dir)
    {
        Directory.CreateDirectory(dir);
        TorchSharp.torch.random.manual_seed(1);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [2], ConvsPerBlock = 1, LstmHidden = 2 });
        var path = Path.Combine(dir, "tiny.ckpt");
        Checkpoint.Capture(model, new CheckpointMetadata { Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1 })
            .Save(path);
        // The payload alone: the target also loads every input under a valid header.
        File.WriteAllBytes(Path.Combine(dir, "tiny.payload"), File.ReadAllBytes(path)[52..]);
    }

    /// <summary>A tiny model's export, the same model's metadata as key=value lines, and a model with another input.</summary>
    private static void Onnx(string dir)
    {
        TorchSharp.torch.random.manual_seed(1);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [2], ConvsPerBlock = 1, LstmHidden = 2 });
        var bytes = OnnxExporter.ToBytes(model, new CheckpointMetadata { Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 1 });
        File.WriteAllBytes(Path.Combine(dir, "tiny.onnx"), bytes);
        File.WriteAllText(Path.Combine(dir, "metadata.txt"), string.Join('\n',
            "emotionnet.format=1", "emotionnet.class_set=fer7", "emotionnet.classes=Angry,Disgust,Fear,Happy,Sad,Surprise,Neutral",
            "emotionnet.sequence_length=1", "emotionnet.normalization.mean=0.5", "emotionnet.normalization.std=0.25", "emotionnet.input=grey-0-255"));
    }

    /// <summary>What a batch folder holds: batch-plan.json, done.json, error.json.</summary>
    private static void Merge(string dir)
    {
        var root = Path.Combine(dir, "batch");
        MergeSeeds.Write(root);
        File.Copy(Path.Combine(root, "shard-0", "batch-plan.json"), Path.Combine(dir, "batch-plan.json"));
        File.Copy(Path.Combine(root, "shard-0", "a.mp4", "done.json"), Path.Combine(dir, "done.json"));
        File.Copy(Path.Combine(root, "shard-0", "c.mp4", "error.json"), Path.Combine(dir, "error.json"));
        Directory.Delete(root, recursive: true);
    }

    /// <summary>A 16x16 picture in every format ImageHeader knows, and a 3-frame MJPG video: valid files for the fuzzer to damage.</summary>
    private static void Images(string dir)
    {
        using var picture = new Mat(16, 16, MatType.CV_8UC3, new Scalar(40, 120, 200));
        Cv2.Circle(picture, new Point(8, 8), 5, new Scalar(250, 250, 250), -1);
        foreach (var extension in new[] { ".png", ".jpg", ".bmp", ".tiff", ".webp", ".pgm", ".ppm" })
        {
            using var image = extension == ".pgm" ? picture.CvtColor(ColorConversionCodes.BGR2GRAY) : picture.Clone();
            Cv2.ImWrite(Path.Combine(dir, "seed" + extension), image);
        }
        using var video = new VideoWriter(Path.Combine(dir, "seed.avi"), FourCC.MJPG, 10, new Size(16, 16));
        for (var i = 0; i < 3; i++) video.Write(picture);
    }
}
