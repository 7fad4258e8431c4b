using EmotionNet.Core.Imaging;
using EmotionNet.TestSupport;
using EmotionNet.Torch.Imaging;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

namespace EmotionNet.Inference.Tests;

public class FaceCropperTests
{
    [Fact]
    public void An_already_cropped_48x48_face_passes_through_unchanged()
    {
        using var grey = SyntheticScene.LoadFace("face1.png");
        var raw = grey.AsSpan<byte>().ToArray();
        // As an input file would be read: 3-channel BGR.
        using var colour = Cv2.ImRead(SyntheticScene.AssetPath("face1.png"), ImreadModes.Color);

        var cropped = FaceCropper.Crop(colour, new FaceBox(0, 0, 48, 48), margin: 0);
        var withMargin = FaceCropper.Crop(colour, new FaceBox(0, 0, 48, 48)); // margin clamps to the image

        Assert.Equal(FaceImage.FrameBytes, raw.Length);
        Assert.Equal(raw, cropped);
        Assert.Equal(raw, withMargin);
    }

    [Fact]
    public void Same_bytes_give_the_same_tensor_as_the_training_path()
    {
        using var colour = Cv2.ImRead(SyntheticScene.AssetPath("face2.png"), ImreadModes.Color);
        using var grey = SyntheticScene.LoadFace("face2.png");
        var training = grey.AsSpan<byte>().ToArray();
        var inference = FaceCropper.Crop(colour, new FaceBox(0, 0, 48, 48), 0);

        using var a = FaceTensors.FromFrames(training, 1, 1, InputNormalization.Default);
        using var b = FaceTensors.FromFrames(inference, 1, 1, InputNormalization.Default);
        using var same = a.eq(b);
        using var all = same.all();
        Assert.True(all.item<bool>());
    }

    [Fact]
    public void A_large_face_is_shrunk_to_48x48()
    {
        using var face = SyntheticScene.LoadFace("face1.png");
        using var frame = SyntheticScene.Compose(640, 480, [(face, new FaceBox(100, 100, 192, 192))]);
        var crop = FaceCropper.Crop(frame, new FaceBox(100, 100, 192, 192), 0);
        Assert.Equal(FaceImage.FrameBytes, crop.Length);
        // Area-downscaling an exact 4x cubic upscale comes back close to the original.
        var original = face.AsSpan<byte>().ToArray();
        var meanError = original.Zip(crop, (x, y) => Math.Abs(x - y)).Average();
        Assert.True(meanError < 6, $"mean error {meanError}");
    }

    [Fact]
    public void The_margin_widens_the_box_and_is_clamped_to_the_image()
    {
        Assert.Equal(new FaceBox(90, 90, 120, 120), FaceCropper.Expand(new FaceBox(100, 100, 100, 100), 0.1, 640, 480));
        Assert.Equal(new FaceBox(0, 0, 55, 55), FaceCropper.Expand(new FaceBox(0, 0, 50, 50), 0.1, 640, 480));
        Assert.Equal(new FaceBox(580, 420, 60, 60), FaceCropper.Expand(new FaceBox(590, 430, 50, 50), 0.2, 640, 480));
    }
}
