using System.Globalization;
using System.Reflection;
using System.Text.Json;
using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.IO;
using EmotionNet.Core.Models;
using EmotionNet.Onnx.Graph;
using EmotionNet.Onnx.Proto;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Torch.Runtime;
using Google.Protobuf;

namespace EmotionNet.Onnx;

/// <summary>
/// Writes an EmotionNet model as an ONNX model (opset 17) that runs without libtorch (ONNX Runtime,
/// any language). Input <c>faces</c>: float (N, T, 1, 48, 48) grey levels 0..255 (the bytes as floats);
/// the graph applies the model's input normalization itself. Output <c>probabilities</c>: float (N, classes),
/// softmax. N and T are dynamic. The classes, normalization and training clip length are in
/// <c>metadata_props</c> (<see cref="OnnxMetadataKeys"/>). Exporting reads the weights with TorchSharp,
/// so it needs libtorch; running the exported model does not.
/// </summary>
public static class OnnxExporter
{
    /// <summary>Exports the checkpoint at <paramref name="checkpointPath"/> to <paramref name="outputPath"/>, atomically.</summary>
    /// <exception cref="CheckpointException">The checkpoint is missing, corrupt or does not fit its model.</exception>
    /// <exception cref="EmotionNetException">The output cannot be written; the message names it.</exception>
    public static void Export(string checkpointPath, string outputPath) =>
        Export(Checkpoint.Load(checkpointPath), checkpointPath, outputPath);

    /// <summary>Exports an already read checkpoint (e.g. <see cref="ShippedModel.Load"/>); <paramref name="sourceName"/> names it in errors.</summary>
    public static void Export(Checkpoint checkpoint, string sourceName, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        NativeRuntime.EnsureTorch();
        using var model = checkpoint.CreateModel(sourceName);
        Export(model, checkpoint.Metadata, outputPath);
    }

    /// <summary>
    /// Exports an in-memory model with the metadata that describes it (classes, normalization, T);
    /// the model's inference behaviour is exported whatever its train/eval mode.
    /// </summary>
    public static void Export(EmotionNetModel model, CheckpointMetadata metadata, string outputPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        var bytes = ToBytes(model, metadata);
        AtomicFile.WriteAllBytes(outputPath, bytes);
    }

    /// <summary>The ONNX model as bytes (what <see cref="Export(EmotionNetModel, CheckpointMetadata, string)"/> writes).</summary>
    public static byte[] ToBytes(EmotionNetModel model, CheckpointMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        var classes = ClassesOf(metadata);
        if (classes.Count != model.Config.NumClasses)
            throw new EmotionNetException($"The model has {model.Config.NumClasses} outputs but its class set {classes.Name} has {classes.Count} classes.");
        var graph = EmotionNetGraph.Build(model.Config, ModelWeights.From(model), metadata.Normalization);
        var onnx = new ModelProto
        {
            // IR 8 is the first that opset 17 may use; ONNX Runtime 1.13 and later read it.
            IrVersion = 8,
            ProducerName = "EmotionNet",
            ProducerVersion = typeof(OnnxExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
            Domain = "emotionnet",
            ModelVersion = 1,
            DocString = "EmotionNet CNN+LSTM facial-emotion classifier. Input 'faces': float (N, T, 1, 48, 48) grey levels 0..255; " +
                        "output 'probabilities': float (N, classes) softmax, classes in the order of metadata 'emotionnet.classes'.",
            Graph = graph,
        };
        onnx.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = EmotionNetGraph.Opset });
        foreach (var (key, value) in Metadata(model.Config, metadata, classes))
            onnx.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return onnx.ToByteArray();
    }

    // The checkpoint's own spelling of ModelConfig (camelCase, enums as names).
    private static readonly JsonSerializerOptions ArchitectureJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static ClassSet ClassesOf(CheckpointMetadata metadata) => ClassSet.FromName(metadata.ClassSet);

    private static IEnumerable<(string, string)> Metadata(ModelConfig config, CheckpointMetadata metadata, ClassSet classes)
    {
        yield return (OnnxMetadataKeys.Format, OnnxMetadataKeys.FormatVersion);
        yield return (OnnxMetadataKeys.ClassSet, classes.Name);
        yield return (OnnxMetadataKeys.Classes, string.Join(",", classes.ClassNames));
        yield return (OnnxMetadataKeys.SequenceLength, metadata.SequenceLength.ToString(CultureInfo.InvariantCulture));
        yield return (OnnxMetadataKeys.NormalizationMean, metadata.Normalization.Mean.ToString("R", CultureInfo.InvariantCulture));
        yield return (OnnxMetadataKeys.NormalizationStd, metadata.Normalization.Std.ToString("R", CultureInfo.InvariantCulture));
        if (metadata.Normalization.StretchContrast) yield return (OnnxMetadataKeys.NormalizationStretch, "true");
        yield return (OnnxMetadataKeys.InputKind, OnnxMetadataKeys.InputKindRawGrey);
        yield return (OnnxMetadataKeys.Architecture, JsonSerializer.Serialize(config, ArchitectureJson));
    }
}
