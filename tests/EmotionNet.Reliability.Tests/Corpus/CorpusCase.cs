using EmotionNet.Core;

namespace EmotionNet.Reliability.Tests.Corpus;

/// <summary>Which entry point reads a case, at the API level and through the command line.</summary>
public enum EntryPoint
{
    /// <summary><c>DataSources.Load</c> on a file; CLI: <c>evaluate --data FILE --split Training</c>.</summary>
    Csv,
    /// <summary><c>DataSources.Load</c> on a folder data set <c>ROOT/happy/IMAGE</c> of face crops (<c>OpenCvFaceImageDecoder</c>); CLI: <c>evaluate --data ROOT --split Training --faces cropped</c>.</summary>
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
    /// <summary><c>FaceDetectors.Create(DetectorOptions { ModelPath = FILE })</c> and one detection; CLI: <c>analyze IMAGE --detector-model FILE</c>.</summary>
    DetectorModel,
    /// <summary><c>AnalysisRunner.RunAsync</c> over a folder of photos; CLI: <c>analyze FOLDER</c>.</summary>
    PhotoFolder,
    /// <summary><c>BatchPlan.FromManifest</c> then <c>BatchRunner.RunAsync</c>; CLI: <c>analyze --manifest FILE</c>.</summary>
    Manifest,
    /// <summary>The shard flags (input: the flags, e.g. <c>--shard 3/3</c>) through <c>ShardFlags.Resolve</c>, then <c>BatchRunner.RunAsync</c> over two photos; CLI: <c>analyze A B FLAGS</c>.</summary>
    ShardFlags,
    /// <summary><c>BatchMerge.Merge</c> over the folder's <c>shard-*</c> subfolders (or the folder itself); CLI: <c>merge FOLDERS --out DIR</c>.</summary>
    Merge,
}

/// <summary>
/// What a case must get: an error of <see cref="Type"/> whose message holds every fragment (and names
/// the file), or, when <see cref="Type"/> is null, a documented graceful result whose description (the
/// API's result, the CLI's output) holds every fragment.
/// </summary>
/// <param name="Type">The exception type at the API, or null for a result.</param>
/// <param name="Fragments">Text the message (or, for a result, the API result and the CLI output) must contain: the line or field.</param>
/// <param name="Graceful">For a result: what happens, as documented in docs/reliability.md.</param>
/// <param name="ExitCode">The CLI's exit code: 1 bad input, 2 bad command line, 0 graceful, 3 partial failure.</param>
public sealed record Expectation(Type? Type, string[] Fragments, string? Graceful, int ExitCode)
{
    public static Expectation Error<T>(params string[] fragments) where T : EmotionNetException => new(typeof(T), fragments, null, 1);

    /// <summary>A bad command line: the API's parser throws <typeparamref name="T"/>, the CLI exits with 2.</summary>
    public static Expectation Usage<T>(params string[] fragments) where T : Exception => new(typeof(T), fragments, null, 2);

    public static Expectation Ok(string graceful, params string[] fragments) => new(null, fragments, graceful, 0);

    /// <summary>The run finishes and lists what it passed over (the fragments); the CLI exits with 3.</summary>
    public static Expectation Partial(string graceful, params string[] fragments) => new(null, fragments, graceful, 3);

    /// <summary>The API returns a result in which nothing could be read (listed); the CLI calls that an error (exit 1).</summary>
    public static Expectation NothingRead(string graceful, params string[] fragments) => new(null, fragments, graceful, 1);
}

/// <summary>One bad (or awkward) input and the behaviour it must get.</summary>
/// <param name="Name">Unique name, used as the test case name.</param>
/// <param name="Kind">csv, gz, checkpoint, onnx, image, video, detector, folder, manifest, shard, merge, fuzz.</param>
/// <param name="Entry">Which entry point reads it.</param>
/// <param name="Input">The input path (a committed file, or one made on first use).</param>
/// <param name="Expect">The required outcome.</param>
public sealed record CorpusCase(string Name, string Kind, EntryPoint Entry, Func<string> Input, Expectation Expect)
{
    /// <summary>What the API's message must name instead of the input's file name (a field, a folder); null: the file name.</summary>
    public string? ApiNames { get; init; }

    /// <summary>What the CLI's message must name instead of the input's file name (a flag); null: as <see cref="ApiNames"/>.</summary>
    public string? CliNames { get; init; }

    public override string ToString() => Name;
}
