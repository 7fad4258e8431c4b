namespace EmotionNet.Core.Evaluation;

/// <summary>Counts of (true class, predicted class) pairs; rows are the truth.</summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] counts;

    /// <summary>An empty matrix for <paramref name="classCount"/> classes.</summary>
    public ConfusionMatrix(int classCount) => counts = new long[classCount, classCount];

    /// <summary>Number of classes.</summary>
    public int ClassCount => counts.GetLength(0);

    /// <summary>Clips of class <paramref name="truth"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int truth, int predicted] => counts[truth, predicted];

    /// <summary>Records one prediction.</summary>
    public void Add(int truth, int predicted) => counts[truth, predicted]++;

    /// <summary>Total predictions recorded.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            foreach (var c in counts) total += c;
            return total;
        }
    }

    /// <summary>The counts as jagged rows (for JSON).</summary>
    public long[][] ToRows() =>
        Enumerable.Range(0, ClassCount).Select(r => Enumerable.Range(0, ClassCount).Select(c => counts[r, c]).ToArray()).ToArray();
}
