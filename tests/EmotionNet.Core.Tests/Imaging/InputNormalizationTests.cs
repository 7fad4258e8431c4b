using System.Text.Json;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Options;

namespace EmotionNet.Core.Tests.Imaging;

public sealed class InputNormalizationTests
{
    private static readonly InputNormalization Stretching = new() { StretchContrast = true };

    [Fact]
    public void Stretching_maps_each_frames_darkest_pixel_to_0_and_brightest_to_255()
    {
        // Two frames of different ranges: each is stretched on its own.
        var frames = new byte[2 * FaceImage.FrameBytes];
        for (var i = 0; i < FaceImage.FrameBytes; i++)
        {
            frames[i] = (byte)(100 + i % 51);                        // 100..150
            frames[FaceImage.FrameBytes + i] = (byte)(i % 2 * 255);  // already 0..255
        }
        var values = new float[frames.Length];
        Stretching.Normalize(frames, values);

        Assert.Equal(Stretching.Apply(0), values.AsSpan(0, FaceImage.FrameBytes).ToArray().Min(), 4);
        Assert.Equal(Stretching.Apply(255), values.AsSpan(0, FaceImage.FrameBytes).ToArray().Max(), 4);
        Assert.Equal(Stretching.Apply((125 - 100) * 255f / 50), values[25], 4);
        // A frame that already spans 0-255 is unchanged by the stretch.
        var plain = new float[FaceImage.FrameBytes];
        InputNormalization.Default.Normalize(frames.AsSpan(FaceImage.FrameBytes), plain);
        Assert.Equal(plain, values.AsSpan(FaceImage.FrameBytes).ToArray());
    }

    [Fact]
    public void A_flat_frame_becomes_black_rather_than_dividing_by_zero()
    {
        var frame = Enumerable.Repeat((byte)77, FaceImage.FrameBytes).ToArray();
        var values = new float[frame.Length];
        Stretching.Normalize(frame, values);
        Assert.All(values, v => Assert.Equal(Stretching.Apply(0), v, 3));
    }

    [Fact]
    public void Without_stretching_a_dim_face_stays_dim()
    {
        var frame = Enumerable.Range(0, FaceImage.FrameBytes).Select(i => (byte)(100 + i % 51)).ToArray();
        var values = new float[frame.Length];
        InputNormalization.Default.Normalize(frame, values);
        Assert.Equal(InputNormalization.Default.Apply(100), values.Min(), 4);
        Assert.Equal(InputNormalization.Default.Apply(150), values.Max(), 4);
    }

    [Fact]
    public void Lengths_that_are_not_whole_frames_are_refused()
    {
        Assert.Throws<ArgumentException>(() => InputNormalization.Default.Normalize(new byte[100], new float[100]));
        Assert.Throws<ArgumentException>(() => InputNormalization.Default.Normalize(new byte[FaceImage.FrameBytes], new float[10]));
    }

    [Fact]
    public void Validation_names_a_zero_std()
    {
        var e = Assert.Throws<OptionsException>(() => new InputNormalization { Std = 0 }.Validate());
        Assert.Equal("InputNormalization.Std", e.Option);
    }

    [Fact]
    public void Reads_the_json_of_checkpoints_written_when_it_was_a_positional_record()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Assert.Equal(new InputNormalization { Mean = 0.4f, Std = 0.3f }, JsonSerializer.Deserialize<InputNormalization>("{\"mean\":0.4,\"std\":0.3}", web));
        Assert.Equal(new InputNormalization { StretchContrast = true }, JsonSerializer.Deserialize<InputNormalization>("{\"mean\":0.5,\"std\":0.25,\"stretchContrast\":true}", web));
        Assert.Equal("{\"mean\":0.5,\"std\":0.25,\"stretchContrast\":false}", JsonSerializer.Serialize(InputNormalization.Default, web));
    }
}
