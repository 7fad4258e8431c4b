using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.IO;
using EmotionNet.Core.Models;
using EmotionNet.Torch.Models;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Torch.Checkpoints;

/// <summary>
/// One self-describing checkpoint file: metadata (architecture, classes, normalization, training
/// options, epoch, metrics), model weights, and optionally the optimizer state for resume.
/// </summary>
/// <remarks>
/// Layout: magic <c>EMONETCK</c>, int32 format version, int64 payload length, SHA-256 of the
/// payload, then the payload: length-prefixed UTF-8 JSON metadata, length-prefixed model state
/// (TorchSharp's format), length-prefixed optimizer state (empty when absent), and from version 2 a
/// length-prefixed averaged model state (a run's weight average, for resume; empty when absent). The
/// hash catches truncation and corruption before any tensor is read. Version 1 files still load.
/// </remarks>
public sealed class Checkpoint
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int FormatVersion = 2;

    /// <summary>The oldest format version this build reads.</summary>
    public const int OldestFormatVersion = 1;

    private static readonly byte[] Magic = "EMONETCK"u8.ToArray();
    private const int HeaderBytes = 8 + 4 + 8 + 32;

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // A null or missing value where the type has none (a tensor without a name, found by fuzzing)
        // is invalid metadata, not a NullReferenceException later.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private Checkpoint(CheckpointMetadata metadata, byte[] modelState, byte[] optimizerState, byte[] averagedState)
    {
        Metadata = metadata;
        ModelState = modelState;
        OptimizerState = optimizerState;
        AveragedState = averagedState;
    }

    /// <summary>What the checkpoint says of itself.</summary>
    public CheckpointMetadata Metadata { get; }

    /// <summary>The model's state dict in TorchSharp's format.</summary>
    internal byte[] ModelState { get; }

    /// <summary>The optimizer state (empty when the checkpoint was saved without it).</summary>
    internal byte[] OptimizerState { get; }

    /// <summary>A training run's weight average in TorchSharp's format (empty when absent).</summary>
    internal byte[] AveragedState { get; }

    /// <summary>Whether a training run's weight average is saved with the checkpoint (to resume a run that averages).</summary>
    public bool HasAveragedState => AveragedState.Length > 0;

    /// <summary>Whether the optimizer state is present (needed to resume).</summary>
    public bool HasOptimizerState => OptimizerState.Length > 0;

    /// <summary>The class set named in the metadata.</summary>
    public ClassSet Classes => ClassSet.FromName(Metadata.ClassSet);

    /// <summary>Captures a model (and optionally its optimizer) as a checkpoint.</summary>
    /// <param name="model">The model whose weights the checkpoint holds.</param>
    /// <param name="metadata">Its description (tensor shapes and architecture are filled in from the model).</param>
    /// <param name="optimizer">The optimizer, to resume from the checkpoint; null leaves it out.</param>
    /// <param name="averaged">A model of the same architecture holding the run's weight average, to resume from; null leaves it out.</param>
    public static Checkpoint Capture(EmotionNetModel model, CheckpointMetadata metadata, TorchSharp.Modules.OptimizerHelper? optimizer = null, EmotionNetModel? averaged = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        var shapes = model.state_dict().Select(kv => new TensorShape(kv.Key, kv.Value.shape)).ToArray();
        var modelBytes = ToBytes(w => model.save(w));
        var optimizerBytes = optimizer is null ? [] : ToBytes(optimizer.save_state_dict);
        var averagedBytes = averaged is null ? [] : ToBytes(w => averaged.save(w));
        return new Checkpoint(metadata with { Tensors = shapes, Model = model.Config }, modelBytes, optimizerBytes, averagedBytes);
    }

    /// <summary>
    /// The same checkpoint (weights and optimizer state shared) with <paramref name="normalization"/> in
    /// its metadata: a model scored or run with another input normalization than it was trained with,
    /// e.g. the contrast stretch of <see cref="InputNormalization.StretchContrast"/> turned on for faces
    /// cut from photos. Nothing is written; <see cref="Save"/> the result to keep it.
    /// </summary>
    public Checkpoint WithNormalization(InputNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(normalization);
        return new Checkpoint(Metadata with { Normalization = normalization }, ModelState, OptimizerState, AveragedState);
    }

    /// <summary>Writes the checkpoint atomically: a crash never leaves a partial file under <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Metadata, Json);
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            WriteBlock(w, json);
            WriteBlock(w, ModelState);
            WriteBlock(w, OptimizerState);
            WriteBlock(w, AveragedState);
        }
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length).ToArray();
        AtomicFile.Write(path, s =>
        {
            using var w = new BinaryWriter(s, Encoding.UTF8, leaveOpen: true);
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write((long)bytes.Length);
            w.Write(SHA256.HashData(bytes));
            w.Write(bytes);
        });
    }

    /// <summary>Reads and verifies a checkpoint file; every failure is a <see cref="CheckpointException"/> naming the file.</summary>
    public static Checkpoint Load(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException($"Checkpoint '{path}' does not exist.");
        byte[] file;
        try { file = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CheckpointException($"Checkpoint '{path}' cannot be read: {e.Message}", e); }
        return Parse(file, path);
    }

    /// <summary>
    /// Reads and verifies a checkpoint from <paramref name="stream"/> (read to its end, not disposed), for
    /// checkpoints that are not files: an embedded resource, a download. Every failure is a
    /// <see cref="CheckpointException"/> naming <paramref name="sourceName"/>.
    /// </summary>
    public static Checkpoint Load(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        using var buffer = new MemoryStream();
        try { stream.CopyTo(buffer); }
        catch (IOException e) { throw new CheckpointException($"Checkpoint '{sourceName}' cannot be read: {e.Message}", e); }
        return Parse(buffer.ToArray(), sourceName);
    }

    private static Checkpoint Parse(byte[] file, string path)
    {
        if (file.Length == 0) throw new CheckpointException($"Checkpoint '{path}' is empty (0 bytes).");
        var magicBytes = Math.Min(file.Length, Magic.Length);
        if (!file.AsSpan(0, magicBytes).SequenceEqual(Magic.AsSpan(0, magicBytes)))
            throw new CheckpointException($"'{path}' is not an EmotionNet checkpoint (no EMONETCK header).");
        if (file.Length < HeaderBytes)
            throw new CheckpointException($"Checkpoint '{path}' is truncated: {file.Length} bytes, less than its {HeaderBytes}-byte header.");
        var version = BitConverter.ToInt32(file, 8);
        if (version is < OldestFormatVersion or > FormatVersion)
            throw new CheckpointException($"Checkpoint '{path}' has format version {version}; this EmotionNet reads versions {OldestFormatVersion} to {FormatVersion}.");
        var length = BitConverter.ToInt64(file, 12);
        if (length != file.Length - HeaderBytes)
            throw new CheckpointException($"Checkpoint '{path}' is truncated or padded: the header promises {length} payload bytes, the file has {file.Length - HeaderBytes}.");
        var payload = file.AsSpan(HeaderBytes);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(file.AsSpan(20, 32)))
            throw new CheckpointException($"Checkpoint '{path}' is corrupt: its SHA-256 does not match the one it was written with.");

        try
        {
            using var r = new BinaryReader(new MemoryStream(file, HeaderBytes, file.Length - HeaderBytes), Encoding.UTF8);
            var metadata = JsonSerializer.Deserialize<CheckpointMetadata>(ReadBlock(r), Json)
                ?? throw new CheckpointException($"Checkpoint '{path}' has empty metadata.");
            _ = ClassSet.FromName(metadata.ClassSet);
            metadata.Model.Validate();
            metadata.Normalization.Validate();
            var (modelState, optimizerState) = (ReadBlock(r), ReadBlock(r));
            return new Checkpoint(metadata, modelState, optimizerState, version >= 2 ? ReadBlock(r) : []);
        }
        catch (Exception e) when (e is JsonException or EndOfStreamException or ArgumentException or EmotionNetException and not CheckpointException)
        {
            throw new CheckpointException($"Checkpoint '{path}' has invalid metadata: {e.Message}", e);
        }
    }

    /// <summary>
    /// Builds the model the checkpoint describes and loads its weights, after checking that every
    /// tensor's name and shape match the architecture.
    /// </summary>
    public EmotionNetModel CreateModel(string sourceForMessages) => CreateModel(ModelState, sourceForMessages);

    /// <summary>Builds a model holding the saved weight average (<see cref="HasAveragedState"/>), checked as <see cref="CreateModel(string)"/>.</summary>
    public EmotionNetModel CreateAveragedModel(string sourceForMessages) => HasAveragedState
        ? CreateModel(AveragedState, sourceForMessages)
        : throw new CheckpointException($"Checkpoint '{sourceForMessages}' holds no weight average.");

    private EmotionNetModel CreateModel(byte[] state, string sourceForMessages)
    {
        var model = new EmotionNetModel(Metadata.Model);
        try
        {
            var expected = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape);
            foreach (var t in Metadata.Tensors)
            {
                if (!expected.TryGetValue(t.Name, out var shape))
                    throw new CheckpointException($"Checkpoint '{sourceForMessages}' has tensor '{t.Name}' that the model {Describe(Metadata.Model)} does not have.");
                if (!shape.SequenceEqual(t.Shape))
                    throw new CheckpointException($"Checkpoint '{sourceForMessages}': tensor '{t.Name}' has shape [{string.Join(", ", t.Shape)}] but the model expects [{string.Join(", ", shape)}].");
            }
            using var r = new BinaryReader(new MemoryStream(state));
            model.load(r, strict: true);
            return model;
        }
        catch (Exception e) when (IsDamagedState(e))
        {
            model.Dispose();
            throw new CheckpointException($"Checkpoint '{sourceForMessages}': the weights do not fit the model it describes ({e.Message}).", e);
        }
        catch (CheckpointException)
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Restores the optimizer state saved with this checkpoint.</summary>
    public void RestoreOptimizer(TorchSharp.Modules.OptimizerHelper optimizer, string sourceForMessages)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!HasOptimizerState) throw new CheckpointException($"Checkpoint '{sourceForMessages}' has no optimizer state, so training cannot resume from it.");
        try
        {
            using var r = new BinaryReader(new MemoryStream(OptimizerState));
            optimizer.load_state_dict(r);
        }
        catch (Exception e) when (IsDamagedState(e))
        {
            throw new CheckpointException($"Checkpoint '{sourceForMessages}': the optimizer state does not fit this optimizer ({e.Message}).", e);
        }
    }

    /// <summary>
    /// What TorchSharp's readers throw on a damaged state block: a bad length or string prefix
    /// (FormatException, found by property tests), a short block, a shape or type that does not fit,
    /// or libtorch's own error.
    /// </summary>
    private static bool IsDamagedState(Exception e) =>
        e is ArgumentException or EndOfStreamException or IOException or InvalidOperationException or FormatException or OverflowException
            or System.Runtime.InteropServices.ExternalException;

    private static string Describe(ModelConfig c) => $"(conv {string.Join("-", c.ConvWidths)}, lstm {c.LstmHidden}x{c.LstmLayers})";

    private static byte[] ToBytes(Action<BinaryWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true)) write(w);
        return ms.ToArray();
    }

    private static void WriteBlock(BinaryWriter w, byte[] block)
    {
        w.Write((long)block.Length);
        w.Write(block);
    }

    private static byte[] ReadBlock(BinaryReader r)
    {
        var length = r.ReadInt64();
        if (length < 0 || length > r.BaseStream.Length - r.BaseStream.Position) throw new EndOfStreamException("a block runs past the end of the payload");
        return r.ReadBytes((int)length);
    }
}
