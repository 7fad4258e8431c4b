using System.Globalization;
using EmotionNet.Core.IO;

namespace EmotionNet.Training.Reporting;

/// <summary>Writes the per-epoch CSV log (rewritten whole, atomically, after each epoch).</summary>
public static class EpochLog
{
    private static readonly string[] Columns =
        ["epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "val_macro_f1", "learning_rate", "seconds", "frames_per_second"];

    /// <summary>Writes <paramref name="epochs"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<EpochRecord> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        CsvFiles.Write(path, csv =>
        {
            csv.WriteRow(Columns);
            foreach (var e in epochs)
            {
                csv.WriteRow([
                    e.Epoch.ToString(CultureInfo.InvariantCulture),
                    F(e.TrainLoss), F(e.TrainAccuracy), F(e.ValidationLoss), F(e.ValidationAccuracy), F(e.ValidationMacroF1),
                    e.LearningRate.ToString("G6", CultureInfo.InvariantCulture), e.Seconds.ToString("F1", CultureInfo.InvariantCulture),
                    e.FramesPerSecond.ToString("F1", CultureInfo.InvariantCulture),
                ]);
            }
        });
    }

    private static string F(double v) => v.ToString("F5", CultureInfo.InvariantCulture);
}
