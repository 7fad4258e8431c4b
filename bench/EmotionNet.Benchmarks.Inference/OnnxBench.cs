using System.Globalization;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Imaging;
using EmotionNet.Inference.Analysis;
using EmotionNet.OnnxRuntime;
using EmotionNet.Torch;

/// <summary>
/// The shipped model on each backend: TorchSharp (libtorch) and its ONNX export (the one inside EmotionNet.OnnxRuntime) on ONNX Runtime (CPU).
/// Per-face latency of Predict at T = 1 for batches of 1 and 4 faces, and 'analyze' fps on the
/// generated videos (one and four faces, default options). Both get the threads 'analyze' gives the model.
/// </summary>
internal static class OnnxBench
{
    public static void Run(Report report, int repeats, int frames, int videoRepeats)
    {
        var threads = AnalyzerOptions.SuggestedModelThreads;
        using var torch = EmotionClassifier.LoadShipped(EmotionNet.Core.Runtime.DeviceKind.Cpu);
        using var onnx = OnnxEmotionClassifier.LoadShipped();
        var backends = new (string Name, IEmotionClassifier Classifier)[] { ("TorchSharp (libtorch 2.10 CPU)", torch), ("ONNX Runtime 1.31 CPU", onnx) };

        var latency = new List<IReadOnlyList<string>>();
        foreach (var (name, classifier) in backends)
        {
            using var scope = classifier.UseThreads(threads);
            var cells = new List<string> { name };
            foreach (var batch in new[] { 1, 4 })
            {
                var faces = new byte[batch * FaceImage.FrameBytes];
                new Random(batch).NextBytes(faces);
                var perCall = LatencyBench.Measure(repeats, 400, () => classifier.Predict(faces, batch));
                cells.Add(perCall.Format("0.00"));
                cells.Add((perCall.Median / batch).ToString("0.00", CultureInfo.InvariantCulture));
            }
            latency.Add(cells);
            Console.WriteLine(string.Join(" | ", cells));
        }
        report.Line($"Shipped model, T = 1, random faces, {threads} model thread(s) (what `analyze` gives it: half the cores). " +
                     $"ms per Predict call: median (min-max) of {repeats} runs of about 0.4 s each; ms/face = median / batch.").Line()
            .Table(["backend", "batch 1: ms/call", "batch 1: ms/face", "batch 4: ms/call", "batch 4: ms/face"], latency).Line();

        var fps = new List<IReadOnlyList<string>>();
        foreach (var faces in new[] { 1, 4 })
        {
            var video = Scenes.Video(faces, frames);
            foreach (var (name, classifier) in backends)
            {
                var s = EndToEndBench.Measure(videoRepeats, () => EndToEndBench.Analyze(classifier, video, AnalyzerOptions.Default with { ModelThreads = threads }, faces),
                    () => EndToEndBench.Analyze(classifier, video, AnalyzerOptions.Default with { ModelThreads = threads, MaxFrames = 20 }, faces));
                fps.Add([$"{faces}", name, s.Fps.Format("0.0"), (1000 / s.Fps.Median).ToString("0.0", CultureInfo.InvariantCulture)]);
                Console.WriteLine(string.Join(" | ", fps[^1]));
            }
        }
        report.Line($"`analyze` with default options (the analyzer, as `emotionnet analyze` runs it) on the generated {frames}-frame 640x480 videos: fps median (min-max) of {videoRepeats} runs after a 20-frame warm-up.").Line()
            .Table(["faces", "backend", "fps", "ms/frame"], fps);
    }
}
