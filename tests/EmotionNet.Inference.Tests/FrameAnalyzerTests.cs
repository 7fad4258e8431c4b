using EmotionNet.Inference.Analysis;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;
using OpenCvSharp;

namespace EmotionNet.Inference.Tests;

public class FrameAnalyzerTests
{
    [Fact]
    public async Task Frames_given_one_by_one_get_what_the_streaming_analyzer_gives_the_video()
    {
        using var folder = new TempFolder();
        var video = folder.File("walk.avi");
        // Two faces, one moving: detections every 3rd frame (the default), coasting and landmarks moved in between.
        SyntheticScene.WriteVideo(video, 12, 640, 480, 10, i => [("face1.png", new FaceBox(40 + 12 * i, 140, 150, 150)), ("face2.png", new FaceBox(420, 120, 160, 160))]);
        var streamed = new FakeClassifier();
        var expected = new List<FrameResult>();
        using (var analyzer = new EmotionAnalyzer(streamed))
        {
            await foreach (var f in analyzer.AnalyzeAsync(InputSource.FromPath(video))) expected.Add(f);
        }

        var given = new FakeClassifier();
        var frames = new FrameAnalyzer(given);
        using var detector = FaceDetectors.Create();
        using var capture = new VideoCapture(video);
        using var image = new Mat();
        var actual = new List<FrameResult>();
        for (var i = 0; capture.Read(image) && !image.Empty(); i++) actual.Add(frames.Analyze(image, detector, timeSeconds: i / 10.0));

        Assert.Equal(12, expected.Count);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(streamed.Calls.Select(c => c.Frames), given.Calls.Select(c => c.Frames)); // the same crops reached the model
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(i, actual[i].FrameIndex);
            Assert.Equal(expected[i].TimeSeconds, actual[i].TimeSeconds, 6);
            Assert.Equal(2, actual[i].Faces.Count);
            for (var f = 0; f < 2; f++)
            {
                var (e, a) = (expected[i].Faces[f], actual[i].Faces[f]);
                Assert.Equal((e.FaceId, e.Box, e.Label, e.Confidence, e.Uncertain, e.Landmarks), (a.FaceId, a.Box, a.Label, a.Confidence, a.Uncertain, a.Landmarks));
                Assert.Equal(e.Probabilities, a.Probabilities);
                Assert.NotNull(a.Landmarks); // YuNet's, detected or moved with the box
            }
        }
    }

    [Fact]
    public void A_new_analyzer_starts_ids_at_one_and_one_analyzer_keeps_them()
    {
        using var face = SyntheticScene.LoadFace("face1.png");
        using var frame = SyntheticScene.Compose(640, 480, [(face, new FaceBox(200, 120, 200, 200))]);
        using var detector = new YuNetFaceDetector();
        var classifier = new FakeClassifier();

        var stream = new FrameAnalyzer(classifier);
        var ids = Enumerable.Range(0, 4).Select(_ => Assert.Single(stream.Analyze(frame, detector).Faces).FaceId).ToArray();
        var fresh = Assert.Single(new FrameAnalyzer(classifier).Analyze(frame, detector).Faces);

        Assert.Equal([1, 1, 1, 1], ids);
        Assert.Equal(1, fresh.FaceId);
    }

    [Fact]
    public void A_detector_is_required_unless_faces_are_cropped()
    {
        using var face = SyntheticScene.LoadFace("face1.png");
        var classifier = new FakeClassifier(sequenceLength: 1);

        Assert.Throws<ArgumentNullException>(() => new FrameAnalyzer(classifier).Analyze(face, null));
        var whole = Assert.Single(new FrameAnalyzer(classifier, new AnalyzerOptions { FacesCropped = true }).Analyze(face, null).Faces);

        Assert.Equal(new FaceBox(0, 0, 48, 48), whole.Box);
        Assert.Null(whole.Landmarks);
        Assert.Throws<ArgumentException>(() => new FrameAnalyzer(classifier).Analyze(new Mat(), new YuNetFaceDetector()));
    }
}
