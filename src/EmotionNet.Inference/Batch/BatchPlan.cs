using System.Security.Cryptography;
using System.Text;
using EmotionNet.Core;

namespace EmotionNet.Inference.Batch;

/// <summary>
/// The sorted list of a batch's inputs, the same on every machine that is given the same paths: each
/// input is named by its path relative to the folder that holds them all (the inputs' common ancestor,
/// or a manifest's folder), sorted by that name (ordinal), and given a unique output folder name.
/// Shards are taken from this list (<see cref="Select"/>), so every shard of a batch must be planned
/// from the same arguments or manifest.
/// </summary>
public sealed class BatchPlan
{
    /// <summary>Longest output folder name kept whole; longer names are cut and given a hash suffix.</summary>
    public const int MaxFolderName = 100;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        BatchFiles.ReportCsv, BatchFiles.ReportJson, BatchFiles.ReportPlot, BatchFiles.Plan, BatchFiles.Staging,
    };

    private BatchPlan(string baseDirectory, IReadOnlyList<BatchInput> inputs)
    {
        BaseDirectory = baseDirectory;
        Inputs = inputs;
        Fingerprint = Hash(string.Join('\n', inputs.Select(i => i.Name + "\t" + i.Folder)));
    }

    /// <summary>The folder every input's <see cref="BatchInput.Name"/> is relative to.</summary>
    public string BaseDirectory { get; }

    /// <summary>Every input, sorted by name.</summary>
    public IReadOnlyList<BatchInput> Inputs { get; }

    /// <summary>A hash of the names and folders: equal on every machine that planned the same batch.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Plans the inputs that <paramref name="paths"/> name: a file is one input; a folder is one input per
    /// video below it, or one image sequence when it holds no videos; a glob (<c>* ? [ ] **</c>) is each
    /// image or video it matches. An input named twice is kept once.
    /// </summary>
    /// <exception cref="EmotionNetException">A path does not exist, a glob matches nothing, or there are no paths.</exception>
    public static BatchPlan FromPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Create(paths.SelectMany(InputExpansion.Expand));
    }

    /// <summary>Plans the inputs listed in a manifest (<see cref="Manifest"/>); names are relative to the manifest's folder.</summary>
    /// <exception cref="ManifestException">A line names nothing usable; the message starts with <c>file:line:</c>.</exception>
    public static BatchPlan FromManifest(string manifest) => Create(Manifest.Read(manifest));

    /// <summary>The inputs of one shard, in plan order.</summary>
    public IReadOnlyList<BatchInput> Select(Shard shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        shard.Validate();
        return Inputs.Where((_, i) => shard.Contains(i)).ToArray();
    }

    /// <summary>True when <paramref name="folder"/> or a folder below it holds a video, i.e. it reads as a batch of videos rather than one image sequence.</summary>
    public static bool HoldsVideos(string folder) => InputExpansion.HoldsVideos(folder);

    /// <summary>True when <paramref name="path"/> is a glob pattern rather than a path.</summary>
    public static bool IsGlob(string path) => path is not null && InputExpansion.IsGlob(path);

    private static BatchPlan Create(IEnumerable<InputExpansion.Entry> found)
    {
        var entries = found.DistinctBy(e => e.FullPath, StringComparer.Ordinal).ToArray();
        if (entries.Length == 0) throw new EmotionNetException("The batch has no inputs.");
        // Names are relative to the deepest folder above every input and every anchor, so they never climb with "..".
        var baseDirectory = entries.Select(e => e.Anchor).Concat(entries.Select(e => Path.GetDirectoryName(e.FullPath) ?? e.FullPath)).Aggregate(CommonAncestor);
        var named = entries
            .Select(e => (e.FullPath, Name: Path.GetRelativePath(baseDirectory, e.FullPath).Replace('\\', '/')))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToArray();
        var folders = named.Select(e => SafeName(e.Name)).ToArray();
        // Names that clash once made safe (or on a case-insensitive disk) all get a hash of the real name.
        var clashing = folders.GroupBy(f => f, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inputs = named.Select((e, i) =>
        {
            var folder = folders[i];
            if (clashing.Contains(folder) || Reserved.Contains(folder) || folder.Length > MaxFolderName)
                folder = folder[..Math.Min(folder.Length, MaxFolderName)] + "-" + Hash(e.Name)[..8];
            return new BatchInput(e.FullPath, e.Name, folder);
        }).ToArray();
        return new BatchPlan(baseDirectory, inputs);
    }

    /// <summary>"study/p01/clip 1.mp4" → "study__p01__clip_1.mp4": letters, digits, '.', '-' and '_' only, never hidden.</summary>
    internal static string SafeName(string name)
    {
        var safe = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (c == '/') safe.Append("__");
            else if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') safe.Append(c);
            else safe.Append('_');
        }
        if (safe.Length == 0 || safe[0] == '.') safe.Insert(0, '_');
        return safe.ToString();
    }

    private static string CommonAncestor(string a, string b)
    {
        var x = a.TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
        var y = b.TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
        var n = 0;
        while (n < x.Length && n < y.Length && x[n] == y[n]) n++;
        var common = string.Join(Path.DirectorySeparatorChar, x.Take(n));
        return common.Length == 0 ? Path.GetPathRoot(a) ?? "/" : common;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
