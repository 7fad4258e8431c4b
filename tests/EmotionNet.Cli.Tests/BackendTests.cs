using System.Text.RegularExpressions;
using EmotionNet.Cli.Commands;
using EmotionNet.Core.Runtime;
using EmotionNet.OnnxRuntime;
using EmotionNet.TestSupport;
using EmotionNet.Torch;

namespace EmotionNet.Cli.Tests;

/// <summary><c>--backend</c>: which runtime runs the model of analyze and evaluate, and that both score alike.</summary>
[Collection("console")]
public sealed partial class BackendTests
{
    [Theory]
    [InlineData(null, null, DeviceKind.Auto, false, "onnx")]     // the shipped model: the faster backend
    [InlineData(null, null, DeviceKind.Cpu, false, "onnx")]
    [InlineData(null, null, DeviceKind.Cuda, false, "torch")]    // a GPU is libtorch's
    [InlineData(null, null, DeviceKind.Auto, true, "torch")]     // --temporal lstm is libtorch's
    [InlineData("model.onnx", null, DeviceKind.Auto, false, "onnx")]
    [InlineData("model.ckpt", null, DeviceKind.Auto, false, "torch")]
    [InlineData("model.ckpt", "onnx", DeviceKind.Auto, false, "onnx")]
    [InlineData(null, "torch", DeviceKind.Auto, false, "torch")]
    public void The_backend_is_the_one_asked_for_or_follows_the_model(string? checkpoint, string? asked, DeviceKind device, bool lstm, string expected)
    {
        // (ModelBackend is internal: the cases name it by its flag word.)
        var askedBackend = asked is null ? (ModelBackend?)null : Enum.Parse<ModelBackend>(asked, ignoreCase: true);
        // The paths do not exist: a missing file is told apart by its name.
        var path = checkpoint is null ? null : Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N"), checkpoint);
        Assert.Equal(Enum.Parse<ModelBackend>(expected, ignoreCase: true), new ModelChoice(path, askedBackend, device, lstm).Backend);
    }

    [Fact]
    public void The_shipped_model_loads_on_either_backend()
    {
        using (var onnx = (IDisposable)Classifiers.Load(new ModelChoice(null, null, DeviceKind.Cpu))) Assert.IsType<OnnxEmotionClassifier>(onnx);
        using (var torch = (IDisposable)Classifiers.Load(new ModelChoice(null, ModelBackend.Torch, DeviceKind.Cpu))) Assert.IsType<EmotionClassifier>(torch);
    }

    [Fact]
    public void A_checkpoint_runs_on_onnx_runtime_when_asked_through_an_export_in_memory()
    {
        using var folder = new TempFolder();
        var path = folder.File("shipped.ckpt");
        Torch.Checkpoints.ShippedModel.Load().Save(path);
        using var onnx = Assert.IsType<OnnxEmotionClassifier>(Classifiers.Load(new ModelChoice(path, ModelBackend.Onnx, DeviceKind.Cpu)));
        using var torch = Assert.IsType<EmotionClassifier>(Classifiers.Load(new ModelChoice(path, null, DeviceKind.Cpu)));
        var face = new byte[2304];
        for (var i = 0; i < face.Length; i++) face[i] = (byte)(i * 7 % 251);
        var expected = torch.Predict(face, 1);
        var actual = onnx.Predict(face, 1);
        for (var c = 0; c < expected.Length; c++) Assert.Equal(expected[c], actual[c], 4);
    }

    [Theory]
    [InlineData("torch", "model.onnx", "cpu", "average", "--backend torch cannot run")]
    [InlineData("onnx", null, "cuda", "average", "CPU only")]
    [InlineData("onnx", null, "cpu", "lstm", "--temporal lstm needs --backend torch")]
    public async Task Impossible_combinations_are_usage_errors(string backend, string? model, string device, string temporal, string message)
    {
        using var folder = new TempFolder();
        File.Copy(SyntheticScene.AssetPath("face1.png"), folder.File("face.png"));
        string[] checkpoint = model is null ? [] : ["--checkpoint", folder.File(model)];
        if (model is not null) await File.WriteAllBytesAsync(folder.File(model), [0x08, 0x08]);
        var run = await CommandLineTests.CaptureAsync(["analyze", folder.File("face.png"), "--out", folder.File("out"), "--backend", backend,
            "--device", device, "--temporal", temporal, .. checkpoint]);
        Assert.True(run.ExitCode == CliApp.UsageError, run.Text);
        Assert.Contains(message, run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_prints_the_same_accuracy_on_both_backends()
    {
        using var folder = new TempFolder();
        var lines = new Dictionary<string, string>();
        foreach (var backend in new[] { "torch", "onnx" })
        {
            var run = await CommandLineTests.CaptureAsync(["evaluate", "--backend", backend, "--device", "cpu", "--out", folder.File(backend)]);
            Assert.True(run.ExitCode == 0, run.Text);
            var line = AccuracyLine().Match(run.Text);
            Assert.True(line.Success, run.Text);
            Assert.Equal(backend, line.Groups["backend"].Value);
            lines[backend] = line.Groups["accuracy"].Value;
        }
        Assert.Equal(lines["torch"], lines["onnx"]);
    }

    [GeneratedRegex(@"PrivateTest accuracy: (?<accuracy>[\d.]+)% .*, backend (?<backend>\w+)")]
    private static partial Regex AccuracyLine();
}
