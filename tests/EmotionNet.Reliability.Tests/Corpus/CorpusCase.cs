namespace EmotionNet.Reliability.Tests.Corpus;

/// <summary>Which entry point reads a case, at the API level and through the command line.</summary>
public enum EntryPoint
{
    /// <summary><c>DataSources.Load</c> on a file; CLI: <c>evaluate --data FILE --split Training</c>.</summary>
    Csv,
    /// <summary><c>DataSources.Load</c> on a folder data set <c>ROOT/happy/IMAGE</c>; CLI: <c>evaluate --data ROOT --split Training</c>.</summary>
    Folder,
    /// <summary><c>Checkpoint.Load</c> then <c>CreateModel</c>; CLI: <c>evaluate --checkpoint FILE</c>.</summary>
    Checkpoint,
    /// <summary><c>EmotionClassifier.Load</c>; CLI: <c>analyze IMAGE --checkpoint FILE</c>.</summary>
    Classifier,
    /// <summary><c>Trainer.Fit(resume: true)</c> with FILE as the run's last.ckpt; CLI: <c>train --resume</c>.</summary>
    Resume,
    /// <summary><c>InputSource.FromPath</c> and <c>EmotionAnalyzer</c>; CLI: <c>analyze FILE</c>.</summary>
    Analyze,
    /// <summary><c>OnnxEmotionClassifier.Load</c>; CLI: <c>analyze IMAGE --checkpoint FILE.onnx</c>.</summary>
    OnnxModel,
}

/// <summary>
/// What a case must get: an error of <see cref="Type"/> whose message holds every fragment (the file
/// name is always required), or, when <see cref="Type"/> is null, a documented graceful result.
/// </summary>
/// <param name="Type">The exception type, or null for success.</param>
/// <param name="Fragments">Text the message (or, for success, the CLI output) must contain: the line or field.</param>
/// <param name="Graceful">For success: what happens, as documented in docs/reliability.md.</param>
public sealed record Expectation(Type? Type, string[] Fragments, string? Graceful)
{
    public static Expectation Error<T>(params string[] fragments) where T : EmotionNetException => new(typeof(T), fragments, null);

    public static Expectation Ok(string graceful, params string[] fragments) => new(null, fragments, graceful);
}

/// <summary>One bad (or awkward) input and the behaviour it must get.</summary>
/// <param name="Name">Unique name, used as the test case name.</param>
/// <param name="Kind">csv, gz, checkpoint, image, video (the corpus folder).</param>
/// <param name="Entry">Which entry point reads it.</param>
/// <param name="Input">The input path (a committed file, or one made on first use).</param>
/// <param name="Expect">The required outcome.</param>
public sealed record CorpusCase(string Name, string Kind, EntryPoint Entry, Func<string> Input, Expectation Expect)
{
    public override string ToString() => Name;
}
