using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Core.Data;

/// <summary>
/// Reads a folder data set of labelled images: <c>ROOT/&lt;class&gt;/&lt;clip&gt;/&lt;frames&gt;</c>
/// (a clip's frames in natural file-name order) and <c>ROOT/&lt;class&gt;/&lt;image&gt;</c> (a clip of one
/// frame). <see cref="DataLoadOptions.ImageDecoder"/> turns each image into a 48x48 face: a face crop
/// taken whole, or a photo whose face it finds (a photo without one is listed in
/// <see cref="DataLoadReport.FacesNotFound"/>). Optional split folders (Training/PublicTest/PrivateTest, or train/val/validation/test) each
/// hold that layout; without them the split is <see cref="FolderSplitRule"/>'s 80/10/10 per class.
/// </summary>
public static class FolderDatasetReader
{
    private static readonly Dictionary<string, DataSplit> SplitFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["training"] = DataSplit.Training, ["train"] = DataSplit.Training,
        ["publictest"] = DataSplit.PublicTest, ["val"] = DataSplit.PublicTest, ["validation"] = DataSplit.PublicTest,
        ["privatetest"] = DataSplit.PrivateTest, ["test"] = DataSplit.PrivateTest,
    };

    /// <summary>Reads the folder data set under <paramref name="root"/>.</summary>
    /// <exception cref="DataFormatException">The folder is missing, holds no clips, or an image cannot be read (unless skipping).</exception>
    /// <exception cref="ArgumentException"><see cref="DataLoadOptions.ImageDecoder"/> is not set.</exception>
    public static FaceDataSplits Read(string root, DataLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        options = (options ?? DataLoadOptions.Default).Validate();
        if (!Directory.Exists(root)) throw new DataFormatException(root, 0, "folder not found");
        var decoder = options.ImageDecoder ?? throw new ArgumentException(
            $"Reading the image folder '{root}' needs DataLoadOptions.ImageDecoder (EmotionNet.Vision's OpenCvFaceImageDecoder, or your own IFaceImageDecoder).", nameof(options));

        var report = new LoadReportBuilder(options.MaxReasons);
        FaceClipSetBuilder[] builders = [new(), new(), new()];
        var splitDirs = SortedDirectories(root).Where(d => SplitFolders.ContainsKey(Path.GetFileName(d))).ToArray();
        if (splitDirs.Length > 0)
        {
            foreach (var dir in splitDirs)
            {
                var split = SplitFolders[Path.GetFileName(dir)];
                foreach (var clip in FindClips(root, dir, options.Classes, report))
                    AddClip(builders[(int)split], split, clip, decoder, options.SkipInvalid, report);
            }
            foreach (var other in SortedDirectories(root).Except(splitDirs))
                report.Warn($"{other}: ignored; the split folders ({string.Join(", ", splitDirs.Select(Path.GetFileName))}) hold the data");
        }
        else
        {
            foreach (var group in FindClips(root, root, options.Classes, report).GroupBy(c => c.Label))
            {
                var clips = group.ToArray();
                var splits = FolderSplitRule.Assign(clips.Select(c => c.RelativePath).ToArray());
                for (var i = 0; i < clips.Length; i++) AddClip(builders[(int)splits[i]], splits[i], clips[i], decoder, options.SkipInvalid, report);
            }
        }
        if (builders.All(b => b.Count == 0) && report.FacesNotFoundCount == 0)
            throw new DataFormatException(root, 0, $"no readable face images found; expected class folders ({string.Join(", ", options.Classes.ClassNames)}) of images ({string.Join(" ", ImageFileTypes.Extensions)}) or of clip folders");

        return new FaceDataSplits(
            builders[0].Build(options.Classes, $"{root} ({DataSplit.Training})"),
            builders[1].Build(options.Classes, $"{root} ({DataSplit.PublicTest})"),
            builders[2].Build(options.Classes, $"{root} ({DataSplit.PrivateTest})"),
            report.Build())
        { SplitByRule = splitDirs.Length == 0 };
    }

    // Source: the image file of a one-image clip, or the clip folder.
    private sealed record ClipFiles(int Label, string RelativePath, string Source, IReadOnlyList<string> Frames);

    private static List<ClipFiles> FindClips(string root, string layoutRoot, ClassSet classes, LoadReportBuilder report)
    {
        var clips = new List<ClipFiles>();
        foreach (var classDir in SortedDirectories(layoutRoot))
        {
            var folder = Path.GetFileName(classDir);
            var relative = Path.GetRelativePath(root, classDir).Replace('\\', '/');
            var found = FindFolderClips(classDir, report);
            var images = found.Sum(c => c.Frames.Count);
            // Every class folder goes into the report, read or not, so the mapping used can be shown.
            if (!ClassSet.TryParseEmotion(folder, out var emotion))
            {
                report.ClassFolder(new ClassFolderMapping(relative, null, null, images, found.Count, "not a FER2013 class"));
                continue;
            }
            var label = classes.IndexOf(emotion);
            if (label < 0)
            {
                report.ClassFolder(new ClassFolderMapping(relative, emotion, null, images, found.Count, $"{emotion} is not in class set {classes.Name}"));
                continue;
            }
            report.ClassFolder(new ClassFolderMapping(relative, emotion, classes.ClassNames[label], images, found.Count, null));
            clips.AddRange(found.Select(c => c with { Label = label }));
        }
        return clips;
    }

    // The clips of one class folder, labelled later: its images, then its clip folders that hold images.
    private static List<ClipFiles> FindFolderClips(string classDir, LoadReportBuilder report)
    {
        var clips = new List<ClipFiles>();
        foreach (var image in SortedImages(classDir))
            clips.Add(new ClipFiles(-1, Path.GetFileName(image), image, [image]));
        foreach (var clipDir in SortedDirectories(classDir))
        {
            var frames = SortedImages(clipDir).OrderBy(Path.GetFileName, NaturalFileNameComparer.Instance).ToArray();
            if (frames.Length == 0)
            {
                report.Warn($"{clipDir}: skipped; the clip folder has no images");
                continue;
            }
            clips.Add(new ClipFiles(-1, Path.GetFileName(clipDir), clipDir, frames));
        }
        return clips;
    }

    // A frame without a face (IFaceImageDecoder.NoFaceFound) is never an error: a clip keeps the frames
    // that have one, and a photo or clip with none is listed in the report's FacesNotFound.
    private static void AddClip(FaceClipSetBuilder builder, DataSplit split, ClipFiles clip, IFaceImageDecoder decoder, bool skipInvalid, LoadReportBuilder report)
    {
        int added = 0, noFace = 0;
        foreach (var file in clip.Frames)
        {
            var reason = TryReadFace(file, decoder, builder.NextFrame());
            if (reason is null)
            {
                builder.CommitFrame();
                added++;
                continue;
            }
            if (reason == IFaceImageDecoder.NoFaceFound)
            {
                noFace++;
                continue;
            }
            if (!skipInvalid) throw new DataFormatException(file, 0, reason);
            report.Skip(DataFormatException.Compose(file, 0, reason));
        }
        if (added > 0) builder.EndClip(clip.Label);
        if (noFace == 0) return;
        if (added == 0) report.NoFace(new FaceNotFound(clip.Source, clip.Label, split));
        else report.Warn($"{clip.Source}: no face found in {noFace} of its {clip.Frames.Count} frames; the clip keeps the other {added}");
    }

    private static string? TryReadFace(string file, IFaceImageDecoder decoder, Span<byte> frame)
    {
        byte[] encoded;
        try
        {
            encoded = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read the file: {e.Message}";
        }
        return decoder.TryDecodeFace(file, encoded, frame);
    }

    private static string[] SortedDirectories(string dir) =>
        Directory.GetDirectories(dir).OrderBy(d => d, StringComparer.Ordinal).ToArray();

    private static IEnumerable<string> SortedImages(string dir) =>
        Directory.GetFiles(dir)
            .Where(f => ImageFileTypes.IsImage(f))
            .OrderBy(f => f, StringComparer.Ordinal);
}
