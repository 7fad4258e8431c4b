using EmotionNet.Core.Imaging;
using EmotionNet.Core.Classifiers;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

/// <summary>
/// Whether one classifier or one YuNet detector may be shared by concurrent requests: the same inputs from
/// several threads at once, every answer compared with the one-thread answer. The server's pooling follows from it.
/// </summary>
internal static class ThreadSafetyCheck
{
    public static void Run(IEmotionClassifier classifier, int threads, int rounds)
    {
        RunClassifier(classifier, threads, rounds);
        RunDetector(threads, rounds);
    }

    public static void RunClassifier(IEmotionClassifier classifier, int threads, int rounds)
    {
        // Classifier: 4 different clips, each thread cycling through them.
        var clips = Enumerable.Range(0, 4).Select(i => Clip(classifier, i)).ToArray();
        var expected = clips.Select(c => classifier.Predict(c, 1)).ToArray();
        var mismatches = 0;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var r = 0; r < rounds; r++)
            {
                var i = (t + r) % clips.Length;
                var got = classifier.Predict(clips[i], 1);
                if (!got.Zip(expected[i]).All(p => Math.Abs(p.First - p.Second) < 1e-5f)) Interlocked.Increment(ref mismatches);
            }
        });
        Console.WriteLine($"- {classifier.GetType().Name}, one instance shared by {threads} threads, {threads * rounds} calls: {mismatches} answers differ from the one-thread answer.");
    }

    private static void RunDetector(int threads, int rounds)
    {

        // YuNet: frames of different sizes (the detector resizes its input per frame), shared and then one per thread.
        var frames = new[] { (640, 480, 100), (320, 240, 40), (800, 600, 300) }.Select(f => Frame(f.Item1, f.Item2, f.Item3)).ToArray();
        using var reference = new YuNetFaceDetector();
        var boxes = frames.Select(f => reference.Detect(f).ToArray()).ToArray();
        foreach (var shared in new[] { true, false })
        {
            using var one = new YuNetFaceDetector();
            var wrong = 0;
            var failed = 0;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                using var own = shared ? null : new YuNetFaceDetector();
                var detector = own ?? one;
                for (var r = 0; r < rounds; r++)
                {
                    var i = (t + r) % frames.Length;
                    try
                    {
                        if (!detector.Detect(frames[i]).SequenceEqual(boxes[i])) Interlocked.Increment(ref wrong);
                    }
#pragma warning disable CA1031 // any failure of a shared detector is what is counted
                    catch (Exception)
#pragma warning restore CA1031
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            });
            Console.WriteLine($"- YuNet, {(shared ? "one instance shared (its calls run one at a time) by" : "one instance per thread,")} {threads} threads, {threads * rounds} frames of three sizes: {wrong} wrong, {failed} threw (OpenCV errors, index out of range).");
        }
        foreach (var f in frames) f.Dispose();
    }

    private static byte[] Clip(IEmotionClassifier classifier, int seed)
    {
        var clip = new byte[classifier.SequenceLength * FaceImage.FrameBytes];
        new Random(seed).NextBytes(clip);
        return clip;
    }

    private static Mat Frame(int width, int height, int x)
    {
        using var face = SyntheticScene.LoadFace("face2.png");
        return SyntheticScene.Compose(width, height, [(face, new FaceBox(x, height / 4, height / 2, height / 2))]);
    }
}
