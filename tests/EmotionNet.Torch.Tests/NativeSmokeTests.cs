using EmotionNet.Torch.Runtime;
using EmotionNet.Vision;
using OpenCvSharp;
using TorchSharp;
using Scalar = OpenCvSharp.Scalar;
using Size = OpenCvSharp.Size;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EmotionNet.Torch.Tests;

[Collection(TorchRandomGroup.Name)]
public class NativeSmokeTests
{
    [Fact]
    public void Torch_loads_and_runs_a_conv2d_lstm_forward_with_the_expected_shape()
    {
        NativeRuntime.EnsureTorch();
        using var scope = NewDisposeScope();
        torch.random.manual_seed(1);
        var conv = Conv2d(1, 8, 3, padding: 1);
        var lstm = LSTM(8 * 24 * 24, 16, batchFirst: true);
        var x = randn(2 * 3, 1, 48, 48);                                 // (B*T, 1, 48, 48)
        var features = functional.max_pool2d(functional.relu(conv.call(x)), 2).reshape(2, 3, -1);
        var (y, _, _) = lstm.call(features);                             // (B, T, H)
        Assert.Equal(new long[] { 2, 3, 16 }, y.shape);
        Assert.True(y.isfinite().all().item<bool>());
    }

    [Fact]
    public void OpenCv_decodes_an_image_and_runs_a_cascade_classifier()
    {
        OpenCvRuntime.Ensure();
        using var image = new Mat(120, 160, MatType.CV_8UC3, Scalar.All(0));
        Cv2.Circle(image, new Point(80, 60), 30, Scalar.White, -1);
        Cv2.ImEncode(".png", image, out var png);
        using var decoded = Cv2.ImDecode(png, ImreadModes.Grayscale);
        Assert.Equal(new Size(160, 120), decoded.Size());
        Assert.Equal(255, decoded.At<byte>(60, 80));

        using var cascade = new CascadeClassifier("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml");
        Assert.False(cascade.Empty());
        var faces = cascade.DetectMultiScale(decoded, 1.1, 3);
        Assert.Empty(faces);   // a plain disc is no face
    }
}
