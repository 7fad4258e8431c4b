using EmotionNet.Options;
using EmotionNet.Models;
using static TorchSharp.torch;

namespace EmotionNet.Core.Tests.Models;

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
