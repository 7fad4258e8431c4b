// One prediction of a grey face with the shipped model on libtorch, printed.
using EmotionNet.Core.Runtime;
using EmotionNet.Torch;

using var classifier = EmotionClassifier.LoadShipped(DeviceKind.Cpu);
var face = new byte[classifier.SequenceLength * 2304];
Array.Fill(face, (byte)128);
var p = classifier.Predict(face, 1);
Console.WriteLine(string.Join(", ", classifier.Classes.ClassNames.Select((c, i) => $"{c} {p[i]:0.000}")));
