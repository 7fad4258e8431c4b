namespace EmotionNet.Core.Evaluation;

/// <summary>Precision, recall and F1 of one class.</summary>
/// <param name="Name">Class name.</param>
/// <param name="Precision">Of the clips predicted as this class, the share that are.</param>
/// <param name="Recall">Of the clips of this class, the share predicted as it.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Clips of this class.</param>
public sealed record ClassMetrics(string Name, double Precision, double Recall, double F1, long Support);

/// <summary>
/// Accuracy, macro-F1, macro recall, per-class scores and the confusion matrix of one split. The macro
/// means run over the classes present in the data (support above 0): a class the model has but the
/// data lacks (wild-dev has no Fear) would otherwise count as a score of 0 that measured nothing.
/// </summary>
/// <param name="ClassNames">Class names in class-index order.</param>
/// <param name="Count">Clips evaluated.</param>
/// <param name="Accuracy">Share of clips predicted correctly.</param>
/// <param name="MacroF1">Unweighted mean of the per-class F1 over the classes present in the data.</param>
/// <param name="PerClass">Scores per class.</param>
/// <param name="Confusion">Counts: rows are the true class, columns the predicted one.</param>
/// <param name="Loss">Mean cross-entropy (without label smoothing), when computed.</param>
public sealed record ClassificationMetrics(
    IReadOnlyList<string> ClassNames, long Count, double Accuracy, double MacroF1,
    IReadOnlyList<ClassMetrics> PerClass, long[][] Confusion, double? Loss = null)
{
    /// <summary>Unweighted mean of the per-class recall over the classes present in the data (mean class recall, balanced accuracy).</summary>
    public double MacroRecall { get; init; }

    /// <summary>The classes of the class set that the data has no clip of, left out of the macro means (empty when every class is present).</summary>
    public IReadOnlyList<string> AbsentClasses => PerClass.Where(c => c.Support == 0).Select(c => c.Name).ToArray();

    /// <summary>Computes every score from a confusion matrix.</summary>
    public static ClassificationMetrics From(ConfusionMatrix matrix, IReadOnlyList<string> classNames, double? loss = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(classNames);
        var n = matrix.ClassCount;
        long correct = 0;
        var perClass = new ClassMetrics[n];
        for (var c = 0; c < n; c++)
        {
            correct += matrix[c, c];
            long support = 0, predicted = 0;
            for (var k = 0; k < n; k++)
            {
                support += matrix[c, k];
                predicted += matrix[k, c];
            }
            var precision = predicted == 0 ? 0 : (double)matrix[c, c] / predicted;
            var recall = support == 0 ? 0 : (double)matrix[c, c] / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[c] = new ClassMetrics(classNames[c], precision, recall, f1, support);
        }
        var total = matrix.Total;
        var present = perClass.Where(p => p.Support > 0).ToArray();
        return new ClassificationMetrics(classNames, total, total == 0 ? 0 : (double)correct / total,
            present.Length == 0 ? 0 : present.Average(p => p.F1), perClass, matrix.ToRows(), loss)
        {
            MacroRecall = present.Length == 0 ? 0 : present.Average(p => p.Recall),
        };
    }
}
