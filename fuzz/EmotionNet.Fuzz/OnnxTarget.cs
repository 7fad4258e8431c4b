using EmotionNet.Core.Imaging;
using EmotionNet.OnnxRuntime;

namespace EmotionNet.Fuzz;

/// <summary>
/// <c>onnx</c>: <see cref="OnnxEmotionClassifier.Load(byte[], string, OnnxClassifierOptions?)"/> on the input
/// as model bytes, then on a valid tiny export whose metadata is replaced by the input's <c>key=value</c>
/// lines (parsing the bytes is ONNX Runtime's native protobuf code, which SharpFuzz cannot instrument;
/// the second form is what reaches the managed checks of the metadata, input and output). A model that
/// loads predicts one clip. Allowed: <see cref="OnnxModelException"/>.
/// </summary>
internal static class OnnxTarget
{
    /// <summary>The valid export the metadata form edits, written next to the harness by eng/fuzz.sh (make-seeds).</summary>
    public const string BaseModel = "fuzz-base.onnx";

    private static byte[]? tiny;

    public static void Run(Stream input)
    {
        var bytes = Targets.ReadAll(input);
        Load(bytes);
        tiny ??= File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, BaseModel));
        Load(OnnxMetadata.Replace(tiny, bytes));
    }

    private static void Load(byte[] model)
    {
        try
        {
            using var classifier = OnnxEmotionClassifier.Load(model, "fuzz.onnx", new OnnxClassifierOptions { Threads = 1 });
            // Long sequences are legal but slow: predicting them would spend the fuzzer's time in ONNX Runtime's kernels.
            if (classifier.SequenceLength <= 16) _ = classifier.Predict(new byte[classifier.SequenceLength * FaceImage.FrameBytes], 1);
        }
        catch (OnnxModelException)
        {
        }
    }
}
