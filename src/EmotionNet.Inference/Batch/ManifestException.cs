using EmotionNet.Core;

namespace EmotionNet.Inference.Batch;

/// <summary>A manifest line that cannot be used; the message starts with <c>file:line:</c>.</summary>
public sealed class ManifestException : EmotionNetException
{
    /// <summary>Creates the exception for line <paramref name="line"/> (from 1) of <paramref name="file"/>.</summary>
    public ManifestException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The manifest file, as given.</summary>
    public string File { get; }

    /// <summary>The line, counted from 1.</summary>
    public int Line { get; }

    /// <summary>What is wrong with the line, without the location.</summary>
    public string Problem { get; }
}
