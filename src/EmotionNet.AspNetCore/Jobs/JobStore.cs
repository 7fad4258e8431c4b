using System.Text.Json;
using EmotionNet.Core.IO;

namespace EmotionNet.AspNetCore.Jobs;

/// <summary>
/// The jobs folder: one sub-folder per job, named by its id, holding job.json (written atomically), the
/// upload, and results/ once the job succeeded. A run writes into results.partial/ and renames it to
/// results/ only when every file is written, so a crash never leaves half a result behind: what is in
/// results/ is complete, and a leftover results.partial/ is deleted when the job runs again.
/// </summary>
internal sealed class JobStore
{
    private const string JobFile = "job.json";
    private const string ResultsFolder = "results";
    private const string PartialFolder = "results.partial";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock gate = new();

    public JobStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Folder(string id) => JobId.IsValid(id) ? Path.Combine(Root, id) : throw new ArgumentException($"'{id}' is not a job id.", nameof(id));

    public string InputPath(VideoJob job) => Path.Combine(Folder(job.Id), job.Input);

    public string PartialPath(string id) => Path.Combine(Folder(id), PartialFolder);

    public string ResultsPath(string id) => Path.Combine(Folder(id), ResultsFolder);

    /// <summary>A new job folder with a fresh id.</summary>
    public string NewFolder(out string id)
    {
        id = JobId.New();
        var folder = Folder(id);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Save(VideoJob job)
    {
        lock (gate) AtomicFile.WriteAllText(Path.Combine(Folder(job.Id), JobFile), JsonSerializer.Serialize(job, Json));
    }

    /// <summary>The job with <paramref name="id"/>, or null when there is none (or its id is not one this server makes).</summary>
    public VideoJob? Load(string id)
    {
        if (!JobId.IsValid(id)) return null;
        var file = Path.Combine(Folder(id), JobFile);
        try
        {
            lock (gate) return File.Exists(file) ? JsonSerializer.Deserialize<VideoJob>(File.ReadAllText(file), Json) : null;
        }
        catch (JsonException)
        {
            return null; // a job.json damaged outside the server: as good as absent
        }
    }

    /// <summary>Every job on disk (folders without a readable job.json, e.g. an upload cut short by a crash, are deleted).</summary>
    public IReadOnlyList<VideoJob> All()
    {
        var jobs = new List<VideoJob>();
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var id = Path.GetFileName(folder);
            if (!JobId.IsValid(id)) continue;
            if (Load(id) is { } job) jobs.Add(job);
            else Delete(id);
        }
        return jobs;
    }

    /// <summary>Moves a finished run's results into place; the files are named relative to results/.</summary>
    public IReadOnlyList<string> Publish(string id)
    {
        var partial = PartialPath(id);
        var results = ResultsPath(id);
        if (Directory.Exists(results)) Directory.Delete(results, recursive: true);
        Directory.Move(partial, results);
        return Directory.EnumerateFiles(results, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(results, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
    }

    public void DiscardPartial(string id)
    {
        var partial = PartialPath(id);
        if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
    }

    public void Delete(string id)
    {
        try
        {
            Directory.Delete(Folder(id), recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
