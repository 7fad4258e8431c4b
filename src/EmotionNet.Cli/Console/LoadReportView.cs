using System.Globalization;
using EmotionNet.Core.Data;

namespace EmotionNet.Cli.Console;

/// <summary>Prints a <see cref="DataLoadReport"/>: a folder's class mapping, warnings and skipped rows or files.</summary>
internal static class LoadReportView
{
    public static void Show(DataLoadReport report)
    {
        ShowClassFolders(report.ClassFolders);
        foreach (var warning in report.Warnings) Output.Warn(warning);
        if (report.Skipped == 0) return;
        Output.Warn($"Skipped {report.Skipped} invalid row(s) or file(s); the first:");
        foreach (var reason in report.FirstReasons) Output.Hint($"  {reason}");
    }

    public static void ShowSplits(FaceDataSplits data) =>
        Output.Info($"Data: {data.Training.Count} training, {data.PublicTest.Count} PublicTest, {data.PrivateTest.Count} PrivateTest clip(s); classes {data.Training.Classes.Name} ({string.Join(", ", data.Training.Classes.ClassNames)}).");

    // The mapping actually used, so a folder read under the wrong class (or not at all) is seen at once.
    private static void ShowClassFolders(IReadOnlyList<ClassFolderMapping> folders)
    {
        if (folders.Count == 0) return;
        Output.Info("Class folders:");
        foreach (var folder in folders.Where(f => f.IsMapped))
            Output.Info($"  {folder.Folder} -> {folder.ClassName} ({Count(folder)})");
        foreach (var folder in folders.Where(f => !f.IsMapped))
            Output.Warn($"{folder.Folder}: {folder.Skipped}, {Count(folder)} skipped");
    }

    // "123 images", or "4 clips, 40 images" when the folder holds clip folders of several frames.
    private static string Count(ClassFolderMapping folder)
    {
        var images = Plural(folder.Images, "image");
        return folder.Clips == folder.Images ? images : $"{Plural(folder.Clips, "clip")}, {images}";
    }

    private static string Plural(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
