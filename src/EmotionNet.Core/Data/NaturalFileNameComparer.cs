namespace EmotionNet.Core.Data;

/// <summary>
/// Orders file names as people number frames: digit runs compare by value, so <c>frame2</c> comes
/// before <c>frame10</c>; other characters compare ordinally, ignoring case.
/// </summary>
internal sealed class NaturalFileNameComparer : IComparer<string?>
{
    public static NaturalFileNameComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var xs = i; var ys = j;
                while (xs < x.Length && x[xs] == '0') xs++;
                while (ys < y.Length && y[ys] == '0') ys++;
                var xe = xs; var ye = ys;
                while (xe < x.Length && char.IsAsciiDigit(x[xe])) xe++;
                while (ye < y.Length && char.IsAsciiDigit(y[ye])) ye++;
                // Longer run without leading zeros is the larger number; equal lengths compare digit by digit.
                var byLength = (xe - xs).CompareTo(ye - ys);
                if (byLength != 0) return byLength;
                var byDigits = string.CompareOrdinal(x, xs, y, ys, xe - xs);
                if (byDigits != 0) return byDigits;
                i = xe; j = ye;
                continue;
            }
            var c = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
            if (c != 0) return c;
            i++; j++;
        }
        var rest = (x.Length - i).CompareTo(y.Length - j);
        return rest != 0 ? rest : string.CompareOrdinal(x, y);
    }
}
