using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Models;
using EmotionNet.Core.Runtime;
using EmotionNet.Inference.Analysis;
using EmotionNet.Reliability.Tests.Support;
using EmotionNet.Samples;
using EmotionNet.TestSupport;
using EmotionNet.TestSupport.Cli;
using EmotionNet.Torch;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Training.Engine;
using EmotionNet.Training.Options;
using EmotionNet.Vision.Imaging;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Reliability.Tests.Corpus;

/// <summary>Runs a corpus case through its library entry point or through the command line.</summary>
internal static class CorpusRunner
{
    /// <summary>A case that takes longer than this hangs, as far as the tests are concerned.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    /// <summary>What the error must name: the case's <see cref="CorpusCase.ApiNames"/>/<see cref="CorpusCase.CliNames"/>, for resume the run's last.ckpt the input was copied to, else the input's file name.</summary>
    public static string NamedFile(CorpusCase c, string input, bool cli) =>
        (cli ? c.CliNames ?? c.ApiNames : c.ApiNames) ?? (c.Entry == EntryPoint.Resume ? "last.ckpt" : Path.GetFileName(input.TrimEnd('/')));

    /// <summary>Runs the library entry point; returns what it produced (for success cases).</summary>
    public static string RunApi(CorpusCase c, string input, string workDir)
    {
        switch (c.Entry)
        {
            case EntryPoint.Csv:
                var csv = DataSources.Load(input, new DataLoadOptions { Classes = ClassSet.Fer7 });
                return $"{csv.Training.Count + csv.PublicTest.Count + csv.PrivateTest.Count} faces";
            case EntryPoint.Folder:
                var folder = DataSources.Load(CorpusFiles.FolderWith(input), new DataLoadOptions { Classes = ClassSet.Fer7, ImageDecoder = OpenCvFaceImageDecoder.Instance });
                return $"{folder.Training.Count + folder.PublicTest.Count + folder.PrivateTest.Count} faces";
            case EntryPoint.Checkpoint:
                Checkpoint.Load(input).CreateModel(input).Dispose();
                return "loaded";
            case EntryPoint.Classifier:
                EmotionClassifier.Load(input, DeviceKind.Cpu).Dispose();
                return "loaded";
            case EntryPoint.Resume:
                File.Copy(input, Path.Combine(workDir, "last.ckpt"));
                new Trainer(new ModelConfig { ConvWidths = [4, 8], ConvsPerBlock = 1, LstmHidden = 8 }, new TrainingOptions { Epochs = 1, BatchSize = 16, Threads = 1 })
                    .Fit(SampleData.Load(ClassSet.Fer7), workDir, resume: true);
                return "resumed";
            case EntryPoint.OnnxModel:
                OnnxRuntime.OnnxEmotionClassifier.Load(input).Dispose();
                return "loaded";
            case EntryPoint.Analyze:
            {
                var frames = 0;
                var faces = 0;
                using var analyzer = new EmotionAnalyzer(new FakeClassifier());
                var enumerator = analyzer.AnalyzeAsync(InputSource.FromPath(input)).GetAsyncEnumerator();
                try
                {
                    while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                    {
                        frames++;
                        faces += enumerator.Current.Faces.Count;
                    }
                }
                finally
                {
                    enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
                return $"{frames} frames, {faces} faces";
            }
            case EntryPoint.DetectorModel:
                return BatchCorpusRunner.Detect(input);
            case EntryPoint.PhotoFolder:
                return BatchCorpusRunner.AnalyzeFolder(input, workDir);
            case EntryPoint.Manifest:
                return BatchCorpusRunner.RunManifest(input, workDir);
            case EntryPoint.ShardFlags:
                return BatchCorpusRunner.RunShard(input, workDir);
            case EntryPoint.Merge:
                return BatchCorpusRunner.Merge(input, workDir);
            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Entry, null);
        }
    }

    /// <summary>The <c>emotionnet</c> command line that reads the case's input.</summary>
    public static string[] CliArgs(CorpusCase c, string input, string workDir)
    {
        var output = Path.Combine(workDir, "out");
        return c.Entry switch
        {
            EntryPoint.Csv => ["evaluate", "--checkpoint", CorpusFiles.TinyCheckpoint, "--data", input, "--split", "Training", "--out", output, "--device", "cpu"],
            EntryPoint.Folder => ["evaluate", "--checkpoint", CorpusFiles.TinyCheckpoint, "--data", CorpusFiles.FolderWith(input), "--split", "Training", "--faces", "cropped", "--out", output, "--device", "cpu"],
            EntryPoint.Checkpoint => ["evaluate", "--checkpoint", input, "--split", "PublicTest", "--out", output, "--device", "cpu"],
            EntryPoint.Classifier => ["analyze", CorpusFiles.Committed("images/grey-8bit.png"), "--checkpoint", input, "--out", output, "--device", "cpu"],
            EntryPoint.Resume => ResumeArgs(input, workDir),
            EntryPoint.OnnxModel => ["analyze", CorpusFiles.Committed("images/grey-8bit.png"), "--checkpoint", input, "--out", output, "--device", "cpu"],
            EntryPoint.Analyze => ["analyze", input, "--checkpoint", CorpusFiles.TinyCheckpoint, "--out", output, "--device", "cpu"],
            EntryPoint.DetectorModel => ["analyze", BatchCorpusFiles.FacePhoto, "--detector-model", input, "--checkpoint", CorpusFiles.TinyCheckpoint, "--out", output, "--device", "cpu"],
            EntryPoint.PhotoFolder => ["analyze", input, "--checkpoint", CorpusFiles.TinyCheckpoint, "--out", output, "--device", "cpu"],
            EntryPoint.Manifest => ["analyze", "--manifest", input, "--checkpoint", CorpusFiles.TinyCheckpoint, "--out", output, "--device", "cpu"],
            EntryPoint.ShardFlags => ["analyze", .. BatchCorpusFiles.TwoPhotos, .. input.Split('|'), "--checkpoint", CorpusFiles.TinyCheckpoint, "--out", output, "--device", "cpu"],
            EntryPoint.Merge => ["merge", .. BatchCorpusRunner.ShardFolders(input), "--out", output],
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Entry, null),
        };
    }

    private static string[] ResumeArgs(string input, string workDir)
    {
        var run = Path.Combine(workDir, "run");
        Directory.CreateDirectory(run);
        File.Copy(input, Path.Combine(run, "last.ckpt"));
        return ["train", "--out", run, "--resume", "--epochs", "1", "--device", "cpu", "--threads", "1"];
    }

    /// <summary>Runs the command line in this process with the console captured; an exception escaping it is part of the result.</summary>
    public static Task<(int ExitCode, string Text)> RunCliAsync(string[] args) => CliCapture.RunAsync(args, Limit);
}
