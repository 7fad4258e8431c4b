// One prediction of a grey face with the shipped model on libtorch, printed.
using EmotionNet.Models;

using var classifier = EmotionClassifier.LoadShipped(EmotionNet.Runtime.DeviceKind.Cpu);
var face = new byte[classifier.SequenceLength * 2304];
Array.Fill(face, (byte)128);
var p = classifier.Predict(face, 1);
Console.WriteLine(string.Join(", ", classifier.Classes.ClassNames.Select((c, i) => $"{c} {p[i]:0.000}")));
