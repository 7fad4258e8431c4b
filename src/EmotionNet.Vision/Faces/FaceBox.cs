namespace EmotionNet.Vision.Faces;

/// <summary>An axis-aligned face rectangle in pixels of the full-resolution frame.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public readonly record struct FaceBox(int X, int Y, int Width, int Height)
{
    /// <summary>One past the right edge.</summary>
    public int Right => X + Width;

    /// <summary>One past the bottom edge.</summary>
    public int Bottom => Y + Height;

    /// <summary>Area in pixels (0 for an empty box).</summary>
    public long Area => Width <= 0 || Height <= 0 ? 0 : (long)Width * Height;

    /// <summary>Intersection over union with <paramref name="other"/>, in [0, 1].</summary>
    public double IntersectionOverUnion(FaceBox other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        if (w <= 0 || h <= 0) return 0;
        var inter = (long)w * h;
        var union = Area + other.Area - inter;
        return union <= 0 ? 0 : (double)inter / union;
    }
}
