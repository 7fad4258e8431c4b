using EmotionNet.Core.Models;
using EmotionNet.Core.Options;
using EmotionNet.Torch.Models;
using static TorchSharp.torch;

namespace EmotionNet.Torch.Tests.Models;

[Collection(TorchRandomGroup.Name)]
public class EmotionNetModelTests
{
    [Theory]
    [InlineData(1, TemporalPooling.Last)]
    [InlineData(5, TemporalPooling.Last)]
    [InlineData(3, TemporalPooling.Mean)]
    [InlineData(4, TemporalPooling.Attention)]
    public void Forward_maps_clips_to_one_logit_per_class(int frames, TemporalPooling pooling)
    {
        using var scope = NewDisposeScope();
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8, 16], LstmHidden = 12, Pooling = pooling, NumClasses = 6 });
        var logits = model.call(randn([3, frames, 1, 48, 48]));
        Assert.Equal(new long[] { 3, 6 }, logits.shape);
    }

    [Theory]
    [InlineData(TemporalPooling.Last)]
    [InlineData(TemporalPooling.Attention)]
    public void Classify_of_encoded_frames_equals_forward_in_eval_mode(TemporalPooling pooling)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        random.manual_seed(3);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8, 16], LstmHidden = 12, Pooling = pooling });
        model.eval();
        var clips = randn([2, 4, 1, 48, 48]);

        var features = model.Encode(clips.reshape(8, 1, 48, 48));
        var split = model.Classify(features.reshape(2, 4, -1));

        Assert.Equal(new long[] { 8, 16 }, features.shape);
        Assert.True(split.allclose(model.call(clips), rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void Bidirectional_two_layer_lstm_works()
    {
        using var scope = NewDisposeScope();
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8], LstmHidden = 10, LstmLayers = 2, Bidirectional = true });
        Assert.Equal(new long[] { 2, 7 }, model.call(randn([2, 3, 1, 48, 48])).shape);
    }

    [Fact]
    public void Channels_last_memory_order_gives_the_same_outputs_and_gradients_as_nchw()
    {
        using var scope = NewDisposeScope();
        var config = new ModelConfig { ConvWidths = [8, 16], LstmHidden = 12, Dropout = 0 };
        random.manual_seed(3);
        using var fast = new EmotionNetModel(config);
        using var plain = new EmotionNetModel(config, channelsLast: false);
        plain.load_state_dict(fast.state_dict());
        var x = randn([4, 2, 1, 48, 48]);

        var a = fast.call(x);
        var b = plain.call(x);
        a.sum().backward();
        b.sum().backward();

        Assert.True(a.allclose(b, rtol: 1e-4, atol: 1e-5), "same logits");
        foreach (var (p, q) in fast.parameters().Zip(plain.parameters()))
            Assert.True(p.grad!.allclose(q.grad!, rtol: 1e-3, atol: 1e-5), "same gradients");
        Assert.True(FrameEncoder.ToChannelsLast(randn([2, 3, 5, 5])).permute(0, 2, 3, 1).is_contiguous(), "channels-last strides");
        Assert.Equal(1, FrameEncoder.ToChannelsLast(randn([2, 1, 5, 5])).stride(1));   // what libtorch reads as channels-last for C = 1
    }

    [Fact]
    public void Default_model_is_compact()
    {
        using var model = new EmotionNetModel(new ModelConfig());
        Assert.InRange(model.ParameterCount, 1_000_000, 2_000_000);
    }

    [Fact]
    public void Invalid_config_names_the_field()
    {
        var e = Assert.Throws<OptionsException>(() => new EmotionNetModel(new ModelConfig { Dropout = 1.5 }));
        Assert.Equal("ModelConfig.Dropout", e.Option);
        Assert.Throws<OptionsException>(() => new ModelConfig { ConvWidths = [] }.Validate());
    }

    [Fact]
    public void Validation_refuses_architectures_too_big_to_allocate_before_anything_is_allocated()
    {
        Assert.Throws<OptionsException>(() => new ModelConfig { ConvWidths = [1_000_000_000] }.Validate());
        Assert.Throws<OptionsException>(() => new ModelConfig { LstmHidden = 100_000 }.Validate());
        var e = Assert.Throws<OptionsException>(() => new ModelConfig { ConvWidths = [4096, 4096, 4096, 4096, 4096], ConvsPerBlock = 8 }.Validate());
        Assert.Contains("parameters", e.Message, StringComparison.Ordinal);
        Assert.InRange(new EmotionNetModel(new ModelConfig()).ParameterCount, 1_000_000, 2_000_000);   // the default stays valid
        new ModelConfig { ConvWidths = [512, 512, 512, 512], LstmHidden = 1024, LstmLayers = 2, Bidirectional = true }.Validate();
    }
}

[Collection(TorchRandomGroup.Name)]
public class StreamingStateTests
{
    [Fact]
    public void Stepping_one_frame_at_a_time_with_the_carried_state_equals_one_call_over_the_stream()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        random.manual_seed(5);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8, 16], LstmHidden = 12, LstmLayers = 2 });
        model.eval();
        var features = randn([3, 6, 16]);
        var (whole, _, _) = model.ClassifyEachFrame(features);

        (Tensor, Tensor)? state = null;
        for (var t = 0; t < 6; t++)
        {
            var (logits, h, c) = model.ClassifyEachFrame(features.narrow(1, t, 1), state);
            Assert.True(logits.squeeze(1).allclose(whole.select(1, t), rtol: 0, atol: 1e-5), $"frame {t}");
            state = (h, c);
        }
    }

    [Fact]
    public void The_first_frame_from_a_zero_state_is_the_single_frame_classification()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        random.manual_seed(6);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8, 16], LstmHidden = 12 });
        model.eval();
        var features = randn([4, 1, 16]);
        var (logits, _, _) = model.ClassifyEachFrame(features);
        Assert.True(logits.squeeze(1).allclose(model.Classify(features), rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void A_bidirectional_model_refuses_to_stream()
    {
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8], LstmHidden = 10, Bidirectional = true });
        using var features = randn([1, 2, 8]);
        Assert.Throws<InvalidOperationException>(() => model.ClassifyEachFrame(features));
    }
}

[Collection(TorchRandomGroup.Name)]
public class RecurrentClassifierTests
{
    [Fact]
    public void StepStreams_carries_each_streams_state_and_matches_the_model_over_the_whole_stream()
    {
        random.manual_seed(8);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8, 16], LstmHidden = 12, LstmLayers = 2 });
        var checkpoint = EmotionNet.Torch.Checkpoints.Checkpoint.Capture(model, new EmotionNet.Core.Checkpoints.CheckpointMetadata
        {
            Model = model.Config, ClassSet = "fer7", Normalization = EmotionNet.Core.Imaging.InputNormalization.Default, SequenceLength = 1,
            Temporal = new EmotionNet.Core.Checkpoints.TemporalTrainingInfo(48, 1),
        });
        using var classifier = EmotionClassifier.Load(checkpoint, "test", EmotionNet.Core.Runtime.DeviceKind.Cpu);
        Assert.True(classifier.TrainedForStreaming);
        Assert.Equal(2 * 2 * 12, classifier.StateSize);

        var rng = new Random(1);
        var frames = new byte[2][];
        for (var s = 0; s < 2; s++) { frames[s] = new byte[5 * 2304]; rng.NextBytes(frames[s]); }
        var states = new float[2 * classifier.StateSize];
        var stepped = new List<float[]>();
        for (var t = 0; t < 5; t++)
        {
            var crops = frames[0].AsSpan(t * 2304, 2304).ToArray().Concat(frames[1].AsSpan(t * 2304, 2304).ToArray()).ToArray();
            stepped.Add(classifier.StepStreams(classifier.EncodeFrames(crops, 2), states, 2));
        }

        // The same streams in one call: encode all frames, LSTM over each stream from a zero state.
        for (var s = 0; s < 2; s++)
        {
            var features = classifier.EncodeFrames(frames[s], 5);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var reference = RecurrentReference(checkpoint, features);
            for (var t = 0; t < 5; t++)
                for (var k = 0; k < 7; k++) Assert.Equal(reference[t * 7 + k], stepped[t][s * 7 + k], 4);
        }
    }

    private static float[] RecurrentReference(EmotionNet.Torch.Checkpoints.Checkpoint checkpoint, float[] features)
    {
        using var model = checkpoint.CreateModel("test");
        model.eval();
        var (logits, _, _) = model.ClassifyEachFrame(tensor(features, [1, 5, 16]));
        return nn.functional.softmax(logits.squeeze(0), 1).data<float>().ToArray();
    }

    [Fact]
    public void A_model_without_temporal_training_is_not_marked_for_streaming()
    {
        random.manual_seed(9);
        using var model = new EmotionNetModel(new ModelConfig { ConvWidths = [8], LstmHidden = 6 });
        var checkpoint = EmotionNet.Torch.Checkpoints.Checkpoint.Capture(model, new EmotionNet.Core.Checkpoints.CheckpointMetadata
        {
            Model = model.Config, ClassSet = "fer7", Normalization = EmotionNet.Core.Imaging.InputNormalization.Default, SequenceLength = 1,
        });
        using var classifier = EmotionClassifier.Load(checkpoint, "test", EmotionNet.Core.Runtime.DeviceKind.Cpu);
        Assert.False(classifier.TrainedForStreaming);
    }
}
