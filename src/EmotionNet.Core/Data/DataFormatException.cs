namespace EmotionNet.Core.Data;

/// <summary>
/// A data file or folder that cannot be read as a data set: the message names the file, the line
/// (where there is one) and the reason, so a front end prints it as it is.
/// </summary>
public sealed class DataFormatException : EmotionNetException
{
    /// <summary>Creates the exception for <paramref name="file"/>, at <paramref name="line"/> (0 for none).</summary>
    public DataFormatException(string file, long line, string reason)
        : base(Compose(file, line, reason))
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>Creates the exception with the underlying cause (e.g. a gzip or image decoder error).</summary>
    public DataFormatException(string file, long line, string reason, Exception innerException)
        : base(Compose(file, line, reason), innerException)
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file (or stream name) that is wrong.</summary>
    public string File { get; }

    /// <summary>The 1-based line number, or 0 where the problem is not on one line.</summary>
    public long Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    internal static string Compose(string file, long line, string reason) =>
        line > 0 ? $"{file} line {line}: {reason}" : $"{file}: {reason}";
}
