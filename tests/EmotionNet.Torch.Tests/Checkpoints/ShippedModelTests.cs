using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Core.Runtime;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using static TorchSharp.torch;

namespace EmotionNet.Torch.Tests.Checkpoints;

[Collection(TorchRandomGroup.Name)]
public sealed class ShippedModelTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-shipped-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_checkpoint_read_from_a_stream_equals_the_file()
    {
        random.manual_seed(5);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8, 16], LstmHidden = 12 });
        var path = Path.Combine(dir, "a.ckpt");
        Checkpoint.Capture(model, new CheckpointMetadata { Model = model.Config, ClassSet = "fer7", Normalization = InputNormalization.Default, SequenceLength = 2, Epoch = 4 }).Save(path);

        using var stream = File.OpenRead(path);
        var loaded = Checkpoint.Load(stream, "a stream");

        Assert.Equal(4, loaded.Metadata.Epoch);
        Assert.Equal(Checkpoint.Load(path).Metadata.Tensors.Count, loaded.Metadata.Tensors.Count);
        using var copy = loaded.CreateModel("a stream");
        Assert.Equal(model.parameters().Count(), copy.parameters().Count());
    }

    [Fact]
    public void A_bad_stream_is_named_by_its_source_name()
    {
        using var stream = new MemoryStream("not a model at all, just text"u8.ToArray());
        var e = Assert.Throws<CheckpointException>(() => Checkpoint.Load(stream, ShippedModel.SourceName));
        Assert.Contains("'shipped model emotionnet-fer7.ckpt' is not an EmotionNet checkpoint", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_model_is_embedded_and_predicts_a_distribution()
    {
        // The repository ships checkpoints/emotionnet-fer7.ckpt; the build embeds it in EmotionNet.Torch.
        Assert.True(ShippedModel.IsAvailable, $"EmotionNet.Torch has no resource '{ShippedModel.ResourceName}': checkpoints/{ShippedModel.FileName} was not embedded.");
        using var classifier = EmotionClassifier.LoadShipped(DeviceKind.Cpu);

        Assert.Equal(ClassSet.FromName(classifier.Metadata.ClassSet).Count, classifier.Classes.Count);
        var frames = new byte[classifier.SequenceLength * FaceImage.FrameBytes];
        new Random(1).NextBytes(frames);
        var probabilities = classifier.Predict(frames, 1);
        Assert.Equal(classifier.Classes.Count, probabilities.Length);
        Assert.Equal(1.0, probabilities.Sum(), 3);
    }

}
