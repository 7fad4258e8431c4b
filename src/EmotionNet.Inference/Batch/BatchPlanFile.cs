using System.Text;
using System.Text.Json;
using EmotionNet.Core;
using EmotionNet.Core.IO;
using EmotionNet.Core.Options;

namespace EmotionNet.Inference.Batch;

/// <summary>
/// batch-plan.json: what a batch folder was asked to do (the whole plan, its shard and the model's
/// classes), so <see cref="BatchMerge"/> can check that shard folders belong together and find each input.
/// </summary>
/// <param name="Fingerprint">The plan's <see cref="BatchPlan.Fingerprint"/>.</param>
/// <param name="Shard">The share this folder holds.</param>
/// <param name="Classes">The classes of the model that analyzed it.</param>
/// <param name="Inputs">The whole plan's inputs (every shard's), in order.</param>
public sealed record BatchPlanFile(string Fingerprint, Shard Shard, IReadOnlyList<string> Classes, IReadOnlyList<BatchInput> Inputs)
{
    /// <summary>Writes <paramref name="folder"/>/batch-plan.json atomically.</summary>
    public void Save(string folder)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("fingerprint", Fingerprint);
            json.WriteNumber("shard_index", Shard.Index);
            json.WriteNumber("shard_count", Shard.Count);
            json.WriteStartArray("classes");
            foreach (var c in Classes) json.WriteStringValue(c);
            json.WriteEndArray();
            json.WriteStartArray("inputs");
            foreach (var input in Inputs)
            {
                json.WriteStartObject();
                json.WriteString("input", input.Name);
                json.WriteString("folder", input.Folder);
                json.WriteString("path", input.Path);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        AtomicFile.WriteAllText(Path.Combine(folder, BatchFiles.Plan), Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    /// <summary>Reads <paramref name="folder"/>/batch-plan.json.</summary>
    /// <exception cref="EmotionNetException">
    /// The folder does not exist or is not a batch folder, or its plan cannot be read or is not one a batch
    /// writes (a missing or null field, a shard out of range, an input folder that is not a plain folder name); the message names it.
    /// </exception>
    public static BatchPlanFile Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new EmotionNetException($"Batch output folder '{folder}' does not exist.");
        var file = Path.Combine(folder, BatchFiles.Plan);
        if (!File.Exists(file)) throw new EmotionNetException($"'{folder}' is not a batch output folder: it has no {BatchFiles.Plan}.");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            return new BatchPlanFile(
                Text(root, "fingerprint"),
                new Shard(root.GetProperty("shard_index").GetInt32(), root.GetProperty("shard_count").GetInt32()).Validate(),
                root.GetProperty("classes").EnumerateArray().Select((c, i) => c.GetString() ?? throw new JsonException($"classes[{i}] is null.")).ToArray(),
                root.GetProperty("inputs").EnumerateArray().Select((input, i) => new BatchInput(Text(input, "path", i), Text(input, "input", i), FolderName(input, i))).ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or OptionsException)
        {
            throw new EmotionNetException($"Could not read '{file}': {e.Message}", e);
        }
    }

    private static string Text(JsonElement element, string name, int? input = null) =>
        element.GetProperty(name).GetString() ?? throw new JsonException($"{(input is { } i ? $"inputs[{i}]." : "")}{name} is null.");

    // Merge reads each input's marker from shard/<folder>: a name that climbs out ("..", "a/b") would read elsewhere.
    private static string FolderName(JsonElement input, int index)
    {
        var name = Text(input, "folder", index);
        if (name.Length == 0 || name is "." or ".." || name.AsSpan().IndexOfAny('/', '\\', '\0') >= 0)
            throw new JsonException($"inputs[{index}].folder '{name}' is not a folder name.");
        return name;
    }
}
