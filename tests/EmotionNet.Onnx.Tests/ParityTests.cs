using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Models;
using EmotionNet.Core.Runtime;
using EmotionNet.OnnxRuntime;
using EmotionNet.Torch;
using EmotionNet.Torch.Checkpoints;
using Xunit.Abstractions;

namespace EmotionNet.Onnx.Tests;

/// <summary>ONNX Runtime on the exported graph gives TorchSharp's probabilities, within 1e-4, on FER2013 faces.</summary>
public sealed class ParityTests(ITestOutputHelper output)
{
    private const float Tolerance = 1e-4f;

    [Fact, Trait("Category", "Slow")]
    public void Shipped_model_at_T1_matches_TorchSharp_on_every_sample_face()
    {
        var checkpoint = ShippedModel.Load();
        using var torch = EmotionClassifier.Load(checkpoint, ShippedModel.SourceName);
        using var onnx = OnnxEmotionClassifier.Load(Export(checkpoint), "shipped.onnx");
        Assert.Equal(1, onnx.SequenceLength);
        Assert.Equal(torch.Classes.ClassNames, onnx.Classes.ClassNames);
        Assert.Equal(torch.Normalization, onnx.Normalization);

        var set = TestModels.Sample.Value.Training;
        var faces = TestModels.Clips(set.Count, 1);
        // Batch of all the faces, and batch 1 (ONNX Runtime may pick other kernels for other shapes).
        var difference = TestModels.MaxDifference(torch.Predict(faces, set.Count), onnx.Predict(faces, set.Count));
        var single = TestModels.MaxDifference(torch.Predict(faces.AsSpan(0, 2304), 1), onnx.Predict(faces.AsSpan(0, 2304), 1));
        output.WriteLine($"{set.Count} faces: max |p_torch - p_onnx| = {difference:E2}; batch 1: {single:E2}");
        Assert.True(difference < Tolerance, $"max difference {difference}");
        Assert.True(single < Tolerance, $"max difference {single}");
    }

    public static TheoryData<string, ModelConfig> Architectures => new()
    {
        { "last", new ModelConfig { ConvWidths = [8, 16, 24], LstmHidden = 16 } },
        { "bidirectional-2-layers-mean", new ModelConfig { ConvWidths = [8, 16], LstmHidden = 12, LstmLayers = 2, Bidirectional = true, Pooling = TemporalPooling.Mean } },
        { "bidirectional-last", new ModelConfig { ConvWidths = [8, 16], LstmHidden = 12, Bidirectional = true } },
        { "attention-gelu", new ModelConfig { ConvWidths = [8, 16], ConvsPerBlock = 1, LstmHidden = 16, Pooling = TemporalPooling.Attention, Activation = Activation.Gelu } },
        { "silu-seed6-3-layers", new ModelConfig { ConvWidths = [8, 16, 16, 16, 24], LstmHidden = 16, LstmLayers = 3, Activation = Activation.Silu, NumClasses = 6 } },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void T4_models_match_TorchSharp(string name, ModelConfig config)
    {
        var checkpoint = TestModels.RandomCheckpoint(config, sequenceLength: 4, seed: name.Length);
        using var torch = EmotionClassifier.Load(checkpoint, name);
        using var onnx = OnnxEmotionClassifier.Load(Export(checkpoint), name + ".onnx");
        Assert.Equal(4, onnx.SequenceLength);
        var clips = TestModels.Clips(6, 4);
        var expected = torch.Predict(clips, 6);
        var difference = TestModels.MaxDifference(expected, onnx.Predict(clips, 6));
        output.WriteLine($"{name}: max |p_torch - p_onnx| = {difference:E2}");
        Assert.True(difference < Tolerance, $"{name}: max difference {difference}");
        // A model that ignored frame order or the LSTM would still pass if all frames were the same face; these differ.
        Assert.True(TestModels.MaxDifference(expected, torch.Predict(Reversed(clips, 6, 4), 6)) > 0, "the clips should depend on frame order");
    }

    [Fact]
    public void Contrast_stretching_models_match_TorchSharp_on_dim_faces_and_flat_frames()
    {
        var checkpoint = TestModels.RandomCheckpoint(new ModelConfig { ConvWidths = [8, 16], LstmHidden = 8 }, sequenceLength: 2, seed: 5, stretchContrast: true);
        using var torch = EmotionClassifier.Load(checkpoint, "stretch");
        using var onnx = OnnxEmotionClassifier.Load(Export(checkpoint), "stretch.onnx");
        Assert.True(onnx.Normalization.StretchContrast);
        var clips = TestModels.Clips(4, 2);
        // Dim the faces to 60-160 the way a photo's face is dim, and make one frame flat: the stretch must agree on both.
        for (var i = 0; i < clips.Length; i++) clips[i] = (byte)(60 + clips[i] * 100 / 255);
        clips.AsSpan(0, 2304).Fill(90);
        var difference = TestModels.MaxDifference(torch.Predict(clips, 4), onnx.Predict(clips, 4));
        output.WriteLine($"stretch: max |p_torch - p_onnx| = {difference:E2}");
        Assert.True(difference < Tolerance, $"max difference {difference}");
    }

    [Fact, Trait("Category", "Slow")]
    public void Both_backends_score_the_same_through_the_one_evaluation_loop()
    {
        var checkpoint = ShippedModel.Load();
        using var torch = EmotionClassifier.Load(checkpoint, ShippedModel.SourceName, DeviceKind.Cpu);
        using var onnx = OnnxEmotionClassifier.Load(Export(checkpoint), "shipped.onnx");
        var set = TestModels.Sample.Value.PrivateTest;
        foreach (var flip in new[] { true, false })
        {
            var options = new EvaluationOptions { BatchSize = 16, FlipAveraging = flip };
            var viaTorch = Evaluator.Evaluate(torch, set, options);
            var viaOnnx = Evaluator.Evaluate(onnx, set, options);
            Assert.Equal(set.Count, viaTorch.Count);
            Assert.Equal(viaTorch.Accuracy, viaOnnx.Accuracy);
            Assert.Equal(viaTorch.Confusion, viaOnnx.Confusion);
            Assert.Equal(viaTorch.Loss!.Value, viaOnnx.Loss!.Value, 3);
        }
    }

    private static byte[] Export(Checkpoint checkpoint)
    {
        using var model = checkpoint.CreateModel("test");
        return OnnxExporter.ToBytes(model, checkpoint.Metadata);
    }

    private static byte[] Reversed(byte[] clips, int count, int t)
    {
        var result = new byte[clips.Length];
        for (var c = 0; c < count; c++)
            for (var f = 0; f < t; f++)
                clips.AsSpan((c * t + f) * 2304, 2304).CopyTo(result.AsSpan((c * t + (t - 1 - f)) * 2304, 2304));
        return result;
    }
}
