using System.CommandLine;
using EmotionNet.Cli.Console;
using EmotionNet.Cli.Flags;
using EmotionNet.Onnx;
using EmotionNet.Torch.Checkpoints;
using Spectre.Console;

namespace EmotionNet.Cli.Commands;

/// <summary><c>emotionnet export</c>: writes a checkpoint (default: the shipped model) as an ONNX model.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var checkpoint = new Option<string?>("--checkpoint") { HelpName = "FILE", Description = "Checkpoint to export. Default: the shipped model." };
        var output = new Option<string>("--out") { HelpName = "FILE", Description = "The ONNX file to write.", DefaultValueFactory = _ => "model.onnx" };
        var stretch = FaceFlags.StretchContrast("export a graph that does or does not stretch, whatever the checkpoint says");
        var command = new Command("export",
            "Write a checkpoint as an ONNX model (opset 17) for ONNX Runtime: input 'faces' float [batch, frames, 1, 48, 48] grey levels 0..255, " +
            "output 'probabilities' [batch, classes]; classes and normalization in its metadata (docs/onnx.md).");
        command.Options.Add(checkpoint);
        command.Options.Add(output);
        command.Options.Add(stretch);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(checkpoint);
            var outPath = parse.GetValue(output)!;
            var loaded = ModelNormalization.Apply(path is null ? ShippedModel.Load() : Checkpoint.Load(path), parse.GetValue(stretch).Override());
            var source = path ?? ShippedModel.SourceName;
            Output.Info($"Exporting {source} ({loaded.Metadata.Model.Summary}, {loaded.Classes.Name}, T = {loaded.Metadata.SequenceLength}; input {ModelNormalization.Describe(loaded.Metadata.Normalization)})...");
            OnnxExporter.Export(loaded, source, outPath);
            AnsiConsole.WriteLine($"Wrote {outPath} ({new FileInfo(outPath).Length:N0} bytes): input 'faces' float [batch, frames, 1, 48, 48] grey 0..255, " +
                                  $"output 'probabilities' [batch, {loaded.Classes.Count}] ({string.Join(", ", loaded.Classes.ClassNames)}).");
            return 0;
        });
        return command;
    }
}
