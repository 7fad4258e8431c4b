using EmotionNet.Core;
using EmotionNet.Core.Imaging;
using EmotionNet.Inference.Analysis;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

namespace EmotionNet.Inference.Tests;

/// <summary>Frames of odd sizes and formats, faces at the border, and broken detector models.</summary>
public class DetectorInputTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(7, 7)]
    [InlineData(8, 8)]
    [InlineData(33, 1)]
    [InlineData(1, 4000)]
    [InlineData(7680, 4320)]
    public void Tiny_thin_and_8k_frames_give_no_faces_and_no_crash(int width, int height)
    {
        using var frame = new Mat(height, width, MatType.CV_8UC3, Scalar.All(120));
        foreach (var kind in new[] { FaceDetectorKind.YuNet, FaceDetectorKind.Haar })
        {
            using var detector = FaceDetectors.Create(new DetectorOptions { Kind = kind });
            Assert.Empty(detector.DetectFaces(frame));
        }
    }

    [Fact]
    public void A_face_in_an_8k_frame_is_found_and_mapped_back()
    {
        using var face = SyntheticScene.LoadFace("face1.png");
        var box = new FaceBox(5000, 2000, 1200, 1200);
        using var frame = SyntheticScene.Compose(7680, 4320, [(face, box)]);
        using var detector = new YuNetFaceDetector();

        var hit = Assert.Single(detector.DetectFaces(frame));
        Assert.True(hit.Box.IntersectionOverUnion(box) > 0.5, $"{hit.Box} vs {box}");
        Assert.Equal(FaceImage.FrameBytes, FaceAligner.Crop(frame, hit.Landmarks!).Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Grey_bgr_and_bgra_frames_give_the_same_face(int channels)
    {
        using var face = SyntheticScene.LoadFace("face3.png");
        var box = new FaceBox(200, 100, 180, 180);
        using var bgr = SyntheticScene.Compose(640, 480, [(face, box)]);
        using var frame = new Mat();
        if (channels == 1) Cv2.CvtColor(bgr, frame, ColorConversionCodes.BGR2GRAY);
        else if (channels == 4) Cv2.CvtColor(bgr, frame, ColorConversionCodes.BGR2BGRA);
        else bgr.CopyTo(frame);
        using var detector = new YuNetFaceDetector();

        var hit = Assert.Single(detector.DetectFaces(frame));

        Assert.True(hit.Box.IntersectionOverUnion(box) > 0.5, $"{channels} channels: {hit.Box} vs {box}");
        Assert.Equal(FaceImage.FrameBytes, FaceAligner.Crop(frame, hit.Landmarks!).Length);
    }

    [Fact]
    public void Sixteen_bit_frames_are_scaled_down_and_searched()
    {
        using var face = SyntheticScene.LoadFace("face1.png");
        var box = new FaceBox(200, 100, 180, 180);
        using var bgr = SyntheticScene.Compose(640, 480, [(face, box)]);
        using var wide = new Mat();
        bgr.ConvertTo(wide, MatType.CV_16UC3, 257);
        using var detector = new YuNetFaceDetector();

        Assert.True(Assert.Single(detector.Detect(wide)).IntersectionOverUnion(box) > 0.5);
    }

    [Theory]
    [InlineData(-40, 150)]   // a fifth past the left edge
    [InlineData(520, 150)]   // a fifth past the right edge
    [InlineData(250, -40)]   // a fifth above the top
    [InlineData(250, 360)]   // a fifth below the bottom
    public void Faces_cut_by_the_border_give_clipped_boxes_and_full_crops(int x, int y)
    {
        const int side = 160;
        using var face = SyntheticScene.LoadFace("face2.png");
        using var whole = SyntheticScene.Compose(640 + 2 * side, 480 + 2 * side, [(face, new FaceBox(x + side, y + side, side, side))]);
        using var frame = new Mat(whole, new Rect(side, side, 640, 480)).Clone();
        var visible = new FaceBox(Math.Max(0, x), Math.Max(0, y), Math.Min(640, x + side) - Math.Max(0, x), Math.Min(480, y + side) - Math.Max(0, y));
        using var detector = new YuNetFaceDetector();

        var hit = Assert.Single(detector.DetectFaces(frame));

        Assert.True(hit.Box.X >= 0 && hit.Box.Y >= 0 && hit.Box.Right <= 640 && hit.Box.Bottom <= 480, $"{hit.Box} leaves the frame");
        Assert.True(hit.Box.IntersectionOverUnion(visible) > 0.5, $"{hit.Box} vs visible {visible}");
        Assert.Equal(FaceImage.FrameBytes, FaceAligner.Crop(frame, hit.Landmarks!).Length);
        Assert.Equal(FaceImage.FrameBytes, FaceCropper.Crop(frame, hit.Box).Length);
    }

    [Fact]
    public void A_missing_model_file_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        var path = folder.File("nowhere.onnx");
        var e = Assert.Throws<EmotionNetException>(() => FaceDetectors.Create(new DetectorOptions { ModelPath = path }));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("text")]
    [InlineData("truncated")]
    public void A_damaged_model_file_is_an_error_naming_it(string damage)
    {
        using var folder = new TempFolder();
        var path = folder.File("yunet.onnx");
        byte[] good;
        using (var s = typeof(FaceDetectors).Assembly.GetManifestResourceStream("EmotionNet.Vision.face_detection_yunet_2023mar.onnx")!) good = ReadAll(s);
        File.WriteAllBytes(path, damage switch
        {
            "empty" => [],
            "text" => "this is not an onnx model"u8.ToArray(),
            _ => good[..(good.Length / 2)],
        });

        var e = Assert.Throws<EmotionNetException>(() => new YuNetFaceDetector(new DetectorOptions { ModelPath = path }));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_given_by_path_is_used()
    {
        using var folder = new TempFolder();
        var path = folder.File("copy.onnx");
        using (var s = typeof(FaceDetectors).Assembly.GetManifestResourceStream("EmotionNet.Vision.face_detection_yunet_2023mar.onnx")!)
            File.WriteAllBytes(path, ReadAll(s));
        using var face = SyntheticScene.LoadFace("face1.png");
        var box = new FaceBox(220, 140, 160, 160);
        using var frame = SyntheticScene.Compose(640, 480, [(face, box)]);
        using var detector = new YuNetFaceDetector(new DetectorOptions { ModelPath = path });
        Assert.True(Assert.Single(detector.Detect(frame)).IntersectionOverUnion(box) > 0.5);
    }

    [Fact]
    public async Task The_analyzer_reports_a_missing_detector_model_naming_it()
    {
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("face.png"));
        var model = folder.File("missing.onnx");
        using var analyzer = new EmotionAnalyzer(new FakeClassifier());
        var options = AnalyzerOptions.Default with { Detector = DetectorOptions.Default with { ModelPath = model } };

        var e = await Assert.ThrowsAsync<EmotionNetException>(async () =>
        {
            await foreach (var _ in analyzer.AnalyzeAsync(EmotionNet.Vision.Sources.InputSource.FromPath(folder.File("face.png")), options)) { }
        });
        Assert.Contains(model, e.Message, StringComparison.Ordinal);
    }

    private static byte[] ReadAll(Stream s)
    {
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
