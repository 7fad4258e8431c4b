using OpenCvSharp;
using EmotionNet.TestSupport;
using EmotionNet.Core.Imaging;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Imaging;

namespace EmotionNet.Inference.Tests;

/// <summary>The decoder that scores labelled photos: the face analyze would classify, or "no face found".</summary>
public sealed class PhotoFaceDecoderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>A JPEG photo with face2 small on the left and face1 large on the right.</summary>
    private string TwoFacePhoto()
    {
        var path = folder.File("two.jpg");
        using var small = SyntheticScene.LoadFace("face2.png");
        using var large = SyntheticScene.LoadFace("face1.png");
        using var scene = SyntheticScene.Compose(640, 400, [(small, new FaceBox(40, 140, 120, 120)), (large, new FaceBox(360, 90, 200, 200))]);
        Assert.True(Cv2.ImWrite(path, scene));
        return path;
    }

    private static (string? Reason, byte[] Face) Decode(PhotoFaceDecoder decoder, string path)
    {
        var face = new byte[FaceImage.FrameBytes];
        return (decoder.TryDecodeFace(path, File.ReadAllBytes(path), face), face);
    }

    [Fact]
    public async Task The_largest_face_is_cropped_exactly_as_analyze_feeds_it_to_the_model()
    {
        var photo = TwoFacePhoto();
        var classifier = new FakeClassifier(sequenceLength: 1);
        using var analyzer = new EmotionAnalyzer(classifier);
        var frame = await analyzer.AnalyzeImageAsync(photo);
        var call = Assert.Single(classifier.Calls);
        Assert.Equal(2, call.ClipCount);
        var largest = frame.Faces.Select((f, i) => (f.Box.Area, i)).Max().i;
        Assert.True(frame.Faces[largest].Box.X > 300, $"the large face is on the right: {frame.Faces[largest].Box}");

        using var decoder = new PhotoFaceDecoder();
        var (reason, face) = Decode(decoder, photo);

        Assert.Null(reason);
        Assert.Equal(call.Frames.AsSpan(largest * FaceImage.FrameBytes, FaceImage.FrameBytes).ToArray(), face);
        Assert.Equal((0, 1), (decoder.ImagesTakenWhole, decoder.ImagesSearched));
    }

    [Fact]
    public void A_photo_without_a_face_gives_no_face_found()
    {
        var path = folder.File("blank.jpg");
        using (var scene = SyntheticScene.Compose(640, 480, [])) Assert.True(Cv2.ImWrite(path, scene));
        using var decoder = new PhotoFaceDecoder();

        Assert.Equal(IFaceImageDecoder.NoFaceFound, Decode(decoder, path).Reason);
        Assert.Equal(1, decoder.ImagesSearched);
    }

    [Fact]
    public void Auto_takes_a_48x48_crop_whole_exactly_as_the_crop_decoder_does()
    {
        var crop = SyntheticScene.AssetPath("face1.png");
        var expected = new byte[FaceImage.FrameBytes];
        Assert.Null(OpenCvFaceImageDecoder.Instance.TryDecodeFace(crop, File.ReadAllBytes(crop), expected));
        using var decoder = new PhotoFaceDecoder();

        var (reason, face) = Decode(decoder, crop);

        Assert.Null(reason);
        Assert.Equal(expected, face);
        Assert.Equal((1, 0), (decoder.ImagesTakenWhole, decoder.ImagesSearched));
    }

    [Fact]
    public void Detect_searches_a_48x48_crop_too_and_cropped_takes_a_photo_whole()
    {
        var crop = SyntheticScene.AssetPath("face1.png");
        var photo = TwoFacePhoto();
        using var detect = new PhotoFaceDecoder(new PhotoFaceOptions { Faces = FaceFinding.Detect });
        using var cropped = new PhotoFaceDecoder(new PhotoFaceOptions { Faces = FaceFinding.Cropped });

        _ = Decode(detect, crop);
        var (reason, whole) = Decode(cropped, photo);

        Assert.Equal((0, 1), (detect.ImagesTakenWhole, detect.ImagesSearched));
        Assert.Null(reason);
        var expected = new byte[FaceImage.FrameBytes];
        Assert.Null(OpenCvFaceImageDecoder.Instance.TryDecodeFace(photo, File.ReadAllBytes(photo), expected));
        Assert.Equal(expected, whole);
        Assert.Equal((1, 0), (cropped.ImagesTakenWhole, cropped.ImagesSearched));
    }

    [Fact]
    public void An_image_over_the_pixel_limit_is_refused_before_it_is_decoded()
    {
        var photo = TwoFacePhoto();
        using var decoder = new PhotoFaceDecoder(new PhotoFaceOptions { MaxImagePixels = 1000 });

        var reason = Decode(decoder, photo).Reason;

        Assert.Contains("640x400", reason, StringComparison.Ordinal);
        Assert.Contains("more than the limit of 1,000", reason, StringComparison.Ordinal);
        Assert.Equal(0, decoder.ImagesSearched);
    }

    [Fact]
    public void A_png_whose_chunk_runs_past_its_end_is_refused_before_it_is_decoded()
    {
        var path = Repository.Path("tests/Corpus/fuzz/image/chunk-of-4-gb.png");
        using var decoder = new PhotoFaceDecoder();

        Assert.Contains("PNG chunk IDAT, 4294967276 bytes runs past its end", Decode(decoder, path).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FaceFinding.Auto)]
    [InlineData(FaceFinding.Cropped)]
    public void A_header_opencv_refuses_by_assertion_is_a_reason_not_an_exception(FaceFinding faces)
    {
        var path = Repository.Path("tests/Corpus/fuzz/image/width-over-opencv-limit.png");
        using var decoder = new PhotoFaceDecoder(new PhotoFaceOptions { Faces = faces });

        Assert.StartsWith("not a readable image: the file is corrupt (", Decode(decoder, path).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_and_use_after_dispose_are_refused()
    {
        Assert.Throws<Core.Options.OptionsException>(() => new PhotoFaceDecoder(new PhotoFaceOptions { FaceMargin = 2 }));
        var decoder = new PhotoFaceDecoder();
        decoder.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Decode(decoder, SyntheticScene.AssetPath("face1.png")));
    }
}
