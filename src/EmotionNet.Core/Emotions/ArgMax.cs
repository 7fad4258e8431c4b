using System.Numerics;

namespace EmotionNet.Core.Emotions;

/// <summary>
/// The one arg-max of EmotionNet: which class a row of probabilities predicts, which class most of a
/// face's frames were given. Ties go to the first index, as libtorch's <c>argmax</c> picks, so a score
/// computed here agrees with one computed on tensors.
/// </summary>
public static class ArgMax
{
    /// <summary>The index of the first largest value of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static int Of<T>(ReadOnlySpan<T> values) where T : IComparisonOperators<T, T, bool>
    {
        if (values.IsEmpty) throw new ArgumentException("No values to take the arg-max of.", nameof(values));
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
