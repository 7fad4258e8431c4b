// Usage: OnnxApp MODEL.onnx. One prediction of a grey face, printed.
using EmotionNet.OnnxRuntime;

using var classifier = OnnxEmotionClassifier.Load(args[0]);
var face = new byte[classifier.SequenceLength * 2304];
Array.Fill(face, (byte)128);
var p = classifier.Predict(face, 1);
Console.WriteLine(string.Join(", ", classifier.Classes.ClassNames.Select((c, i) => $"{c} {p[i]:0.000}")));
