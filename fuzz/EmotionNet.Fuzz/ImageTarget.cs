using EmotionNet.Core;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Imaging;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Fuzz;

/// <summary>
/// <c>image</c>: the image and video entry path. <see cref="ImageHeader.TryReadSize(Stream)"/> on the input,
/// then the input as an image file and as a video file through <see cref="InputSource.FromPath"/> and
/// <see cref="EmotionAnalyzer"/> (faces cropped, so no detector: decoding, the pixel limit, the crop), with a
/// 4-megapixel limit so declared bombs are refused rather than allocated. OpenCV's decoders and FFmpeg are
/// native (not instrumented; a native crash still ends the process and is reported). Allowed: <see cref="EmotionNetException"/>.
/// </summary>
internal static class ImageTarget
{
    public static void Run(Stream input)
    {
        var bytes = Targets.ReadAll(input);
        using (var header = new MemoryStream(bytes, writable: false)) _ = ImageHeader.TryReadSize(header);
        var folder = Path.Combine(FuzzFolder.Root, "image");
        Directory.CreateDirectory(folder);
        var options = new AnalyzerOptions { FacesCropped = true, MaxImagePixels = 4_000_000, MaxFrames = 3, ModelThreads = 1 };
        foreach (var name in new[] { "fuzz.png", "fuzz.avi" })
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            try
            {
                Analyze(path, options).GetAwaiter().GetResult();
            }
            catch (EmotionNetException)
            {
            }
        }
    }

    private static async Task Analyze(string path, AnalyzerOptions options)
    {
        using var analyzer = new EmotionAnalyzer(new StubClassifier());
        await foreach (var _ in analyzer.AnalyzeAsync(InputSource.FromPath(path), options).ConfigureAwait(false))
        {
        }
    }
}
