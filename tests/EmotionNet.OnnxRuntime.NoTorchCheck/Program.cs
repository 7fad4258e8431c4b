using EmotionNet.Inference.Recognition;
using EmotionNet.OnnxRuntime;

// Usage: NoTorchCheck [MODEL.onnx]. Predicts a few faces with the model (default: the shipped model inside
// EmotionNet.OnnxRuntime), directly and through EmotionNet.Inference's recognizer, then prints the probabilities
// and every mapped native library whose name mentions torch (there must be none).
if (args.Length > 1)
{
    Console.Error.WriteLine("usage: NoTorchCheck [MODEL.onnx]");
    return 2;
}
using var classifier = args.Length == 1 ? OnnxEmotionClassifier.Load(args[0]) : OnnxEmotionClassifier.LoadShipped();
var frames = new byte[2 * classifier.SequenceLength * 2304];
for (var i = 0; i < frames.Length; i++) frames[i] = (byte)(i * 7 % 251);
float[] probabilities;
using (classifier.UseThreads(1)) probabilities = classifier.Predict(frames, 2);
Console.WriteLine("probabilities " + string.Join(" ", probabilities.Select(p => p.ToString("F6", System.Globalization.CultureInfo.InvariantCulture))));
Console.WriteLine("classes " + string.Join(",", classifier.Classes.ClassNames));
var recognizer = new EmotionRecognizer(classifier);
var predictions = recognizer.Recognize([new FaceInput(1, frames.AsMemory(0, 2304)), new FaceInput(2, frames.AsMemory(2304, 2304))]);
Console.WriteLine("recognized " + string.Join(" ", predictions.Select(p => $"{p.TrackId}:{p.Label}")));
// Native libtorch and TorchSharp's native glue (libtorch*.so, libc10*.so, libLibTorchSharp.so); this app's own
// name and TorchSharp's managed dll also contain "torch" and are not natives.
var mapped = File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length >= 6).Select(f => f[^1]).Distinct().ToList();
foreach (var path in mapped.Where(p => Path.GetFileName(p) is var n && (n.StartsWith("libtorch", StringComparison.Ordinal) || n.StartsWith("libc10", StringComparison.Ordinal) || n.Contains("LibTorchSharp", StringComparison.Ordinal))))
    Console.WriteLine("native torch mapped " + path);
Console.WriteLine("managed TorchSharp.dll loaded: " + AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "TorchSharp"));
Console.WriteLine("onnxruntime mapped: " + File.ReadLines("/proc/self/maps").Any(l => l.Contains("libonnxruntime", StringComparison.Ordinal)));
return 0;
