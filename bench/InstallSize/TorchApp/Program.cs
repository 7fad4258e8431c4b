// One prediction of a grey face with the shipped model on libtorch, through EmotionNet.Inference's recognizer, printed.
using EmotionNet.Core.Runtime;
using EmotionNet.Inference.Recognition;
using EmotionNet.Torch;

using var classifier = EmotionClassifier.LoadShipped(DeviceKind.Cpu);
var face = new byte[2304];
Array.Fill(face, (byte)128);
var p = new EmotionRecognizer(classifier).Recognize([new FaceInput(1, face)])[0].Probabilities;
Console.WriteLine(string.Join(", ", classifier.Classes.ClassNames.Select((c, i) => $"{c} {p[i]:0.000}")));
