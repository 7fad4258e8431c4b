using System.Text;
using System.Text.Json;
using EmotionNet.IO;

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
    /// <exception cref="EmotionNetException">The folder is not a batch folder, or its plan cannot be read; the message names it.</exception>
    public static BatchPlanFile Read(string folder)
    {
        var file = Path.Combine(folder, BatchFiles.Plan);
        if (!File.Exists(file)) throw new EmotionNetException($"'{folder}' is not a batch output folder: it has no {BatchFiles.Plan}.");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            return new BatchPlanFile(
                root.GetProperty("fingerprint").GetString()!,
                new Shard(root.GetProperty("shard_index").GetInt32(), root.GetProperty("shard_count").GetInt32()).Validate(),
                root.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToArray(),
                root.GetProperty("inputs").EnumerateArray().Select(i => new BatchInput(i.GetProperty("path").GetString()!, i.GetProperty("input").GetString()!, i.GetProperty("folder").GetString()!)).ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new EmotionNetException($"Could not read '{file}': {e.Message}", e);
        }
    }
}
