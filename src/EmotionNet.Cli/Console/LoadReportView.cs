using EmotionNet.Data;

namespace EmotionNet.Cli.Console;

/// <summary>Prints what loading skipped or warned about.</summary>
internal static class LoadReportView
{
    public static void Show(DataLoadReport report)
    {
        foreach (var warning in report.Warnings) Output.Warn(warning);
        if (report.Skipped == 0) return;
        Output.Warn($"Skipped {report.Skipped} invalid row(s) or file(s); the first:");
        foreach (var reason in report.FirstReasons) Output.Hint($"  {reason}");
    }

    public static void ShowSplits(FaceDataSplits data) =>
        Output.Info($"Data: {data.Training.Count} training, {data.PublicTest.Count} PublicTest, {data.PrivateTest.Count} PrivateTest clip(s); classes {data.Training.Classes.Name} ({string.Join(", ", data.Training.Classes.ClassNames)}).");
}
