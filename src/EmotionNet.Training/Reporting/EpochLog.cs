using System.Globalization;
using EmotionNet.Core.IO;
using EmotionNet.Core.Reporting;

namespace EmotionNet.Training.Reporting;

/// <summary>Writes the per-epoch CSV log, epochs.csv of either trainer (rewritten whole, atomically, after each epoch).</summary>
public static class EpochLog
{
    private static readonly string[] Columns =
        ["epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "val_macro_f1", "learning_rate", "seconds", "frames_per_second"];

    /// <summary>Writes <paramref name="epochs"/> to <paramref name="path"/>: the common columns, then each <see cref="EpochRecord.Extra"/> figure (empty where an epoch lacks it).</summary>
    public static void Write(string path, IEnumerable<EpochRecord> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var rows = epochs.ToArray();
        var extra = rows.SelectMany(e => e.Extra.Keys).Distinct().ToArray();
        CsvFiles.Write(path, csv =>
        {
            csv.WriteRow([.. Columns, .. extra]);
            foreach (var e in rows)
            {
                csv.WriteRow([
                    e.Epoch.ToString(CultureInfo.InvariantCulture),
                    F(e.TrainLoss), F(e.TrainAccuracy), F(e.ValidationLoss), F(e.ValidationAccuracy), F(e.ValidationMacroF1),
                    e.LearningRate.ToString("G6", CultureInfo.InvariantCulture), e.Seconds.ToString("F1", CultureInfo.InvariantCulture),
                    e.FramesPerSecond.ToString("F1", CultureInfo.InvariantCulture),
                    .. extra.Select(name => e.Extra.TryGetValue(name, out var value) ? F(value) : ""),
                ]);
            }
        });
    }

    private static string F(double v) => v.ToString("F5", CultureInfo.InvariantCulture);
}
