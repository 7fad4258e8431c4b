using EmotionNet.Core.Data;
using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Reporting;
using EmotionNet.Torch;
using EmotionNet.Torch.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace EmotionNet.Training.Engine;

/// <summary>The end of a run: the best model scored on every split, written as metrics.json and, with plots, confusion-matrix PNGs.</summary>
internal static class FinalReport
{
    /// <summary>At most this many training clips (stratified) are scored for the report.</summary>
    public const int TrainingReportClips = 5000;

    /// <summary>Scores the best checkpoint on every split and writes metrics.json and the confusion matrices.</summary>
    internal static Dictionary<string, ClassificationMetrics> Write(RunFiles files, FaceDataSplits data, EvaluationOptions evaluation, Device device, ITrainingPlots? plots, Action<string> note)
    {
        var best = Checkpoint.Load(files.Best);
        using var model = best.CreateModel(files.Best);
        model.to(device);
        model.eval();
        using var classifier = EmotionClassifier.Wrap(model, best.Metadata, device);
        var splits = new Dictionary<string, ClassificationMetrics>();
        foreach (var split in Enum.GetValues<DataSplit>())
        {
            // Training accuracy only shows the fit; a stratified sample tells as much at a fraction of the time.
            var set = split == DataSplit.Training ? data.Training.Subset(TrainingReportClips, 1) : data[split];
            if (set.Count == 0) continue;
            note($"Evaluating the best model (epoch {best.Metadata.Epoch}) on {split} ({set.Count} clips)...");
            splits[split.ToString()] = Evaluator.Evaluate(classifier, set, evaluation);
        }
        MetricsReport.Write(files.Metrics, files.Best, splits);
        if (plots is null) return splits;
        if (splits.TryGetValue(nameof(DataSplit.PublicTest), out var validation))
            plots.SaveConfusionMatrix(validation, files.ValidationConfusionMatrix, "PublicTest");
        var test = splits.GetValueOrDefault(nameof(DataSplit.PrivateTest)) ?? validation;
        if (test is not null)
            plots.SaveConfusionMatrix(test, files.ConfusionMatrix, splits.ContainsKey(nameof(DataSplit.PrivateTest)) ? "PrivateTest" : "PublicTest");
        return splits;
    }
}
