using System.IO.Compression;
using System.Xml.Linq;

namespace EmotionNet.Packaging.Tests;

/// <summary>What each package holds and declares: the files and metadata a consumer and nuget.org see.</summary>
[Collection(PackagedFeedGroup.Name)]
[Trait("Category", "Slow")] // every test here waits for the solution to be packed
public sealed class PackageContentsTests(PackagedFeed feed)
{
    [Theory]
    [InlineData("EmotionNet.Core")]
    [InlineData("EmotionNet.Torch")]
    [InlineData("EmotionNet.Vision")]
    [InlineData("EmotionNet.Training")]
    [InlineData("EmotionNet.Inference")]
    [InlineData("EmotionNet.Plotting")]
    [InlineData("EmotionNet.Samples")]
    [InlineData("EmotionNet.Onnx")]
    [InlineData("EmotionNet.OnnxRuntime")]
    [InlineData("EmotionNet.AspNetCore")]
    public void A_library_package_has_its_dll_docs_readme_metadata_and_symbols(string id)
    {
        using var package = ZipFile.OpenRead(feed.PackageFile(id));
        var files = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains($"lib/net10.0/{id}.dll", files);
        Assert.Contains($"lib/net10.0/{id}.xml", files);
        Assert.Contains("README.md", files);

        var metadata = Nuspec(package);
        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(feed.Version, Value(metadata, "version"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        Assert.Equal("EmotionNet contributors", Value(metadata, "authors"));
        Assert.Contains("emotion-recognition", Value(metadata, "tags"), StringComparison.Ordinal);
        Assert.Equal("README.md", Value(metadata, "readme"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.NotNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository")?.Attribute("commit"));

        // No native runtime: the application chooses libtorch (CPU or CUDA, which platform), OpenCV's and Skia's.
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();
        // (OpenCvSharp4.runtime.*, *.NativeAssets.*, and Microsoft.ML.OnnxRuntime itself; its .Managed half is managed.)
        Assert.DoesNotContain(dependencies, d => d.Contains(".runtime.", StringComparison.OrdinalIgnoreCase) || d.Contains("NativeAssets", StringComparison.OrdinalIgnoreCase)
            || d.Equals("Microsoft.ML.OnnxRuntime", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, d => d.StartsWith("TorchSharp-", StringComparison.OrdinalIgnoreCase) || d.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase));

        using var symbols = ZipFile.OpenRead(feed.PackageFile(id, ".snupkg"));
        Assert.Contains(symbols.Entries, e => e.FullName == $"lib/net10.0/{id}.pdb");
    }

    [Theory]
    [InlineData("EmotionNet.Core", "CsvHelper")]
    [InlineData("EmotionNet.Torch", "EmotionNet.Core,TorchSharp")]
    [InlineData("EmotionNet.Vision", "EmotionNet.Core,OpenCvSharp4")]
    [InlineData("EmotionNet.Training", "EmotionNet.Torch")]
    [InlineData("EmotionNet.Inference", "EmotionNet.Core,EmotionNet.Vision")]
    [InlineData("EmotionNet.Onnx", "EmotionNet.Torch,Google.Protobuf")]
    [InlineData("EmotionNet.OnnxRuntime", "EmotionNet.Core,Microsoft.ML.OnnxRuntime.Managed")]
    [InlineData("EmotionNet.Plotting", "EmotionNet.Inference,ScottPlot")]
    [InlineData("EmotionNet.AspNetCore", "EmotionNet.Inference,EmotionNet.Vision,Microsoft.AspNetCore.OpenApi,OpenTelemetry.Exporter.Prometheus.AspNetCore,OpenTelemetry.Extensions.Hosting")]
    public void A_library_depends_only_on_what_it_uses_and_on_no_native_runtime(string id, string expected)
    {
        using var package = ZipFile.OpenRead(feed.PackageFile(id));
        var dependencies = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Order().ToArray();
        Assert.Equal(expected.Split(',').Order().ToArray(), dependencies);
    }

    [Fact]
    public void The_model_and_the_cascade_travel_inside_the_assemblies()
    {
        using var torch = ZipFile.OpenRead(feed.PackageFile("EmotionNet.Torch"));
        Assert.DoesNotContain(torch.Entries, e => e.FullName.EndsWith(".ckpt", StringComparison.OrdinalIgnoreCase) || e.FullName.StartsWith("content", StringComparison.OrdinalIgnoreCase));
        // Embedded resources: the manifest names them in the dll (no loading needed to check).
        Assert.True(Contains(torch, "lib/net10.0/EmotionNet.Torch.dll", "EmotionNet.Torch.Checkpoints.emotionnet-fer7.ckpt"u8), "EmotionNet.Torch.dll does not embed the shipped model.");
        // The same model as ONNX inside EmotionNet.OnnxRuntime, and neither model in the other package: it ships once per app.
        using var onnx = ZipFile.OpenRead(feed.PackageFile("EmotionNet.OnnxRuntime"));
        Assert.DoesNotContain(onnx.Entries, e => e.FullName.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || e.FullName.StartsWith("content", StringComparison.OrdinalIgnoreCase));
        Assert.True(Contains(onnx, "lib/net10.0/EmotionNet.OnnxRuntime.dll", "EmotionNet.OnnxRuntime.emotionnet-fer7.onnx"u8), "EmotionNet.OnnxRuntime.dll does not embed the shipped ONNX model.");
        Assert.False(Contains(onnx, "lib/net10.0/EmotionNet.OnnxRuntime.dll", "emotionnet-fer7.ckpt"u8), "EmotionNet.OnnxRuntime.dll embeds the checkpoint too.");
        Assert.False(Contains(torch, "lib/net10.0/EmotionNet.Torch.dll", "emotionnet-fer7.onnx"u8), "EmotionNet.Torch.dll embeds the ONNX model too.");
        // Core is the torch-free base: no model in it.
        using var core = ZipFile.OpenRead(feed.PackageFile("EmotionNet.Core"));
        Assert.False(Contains(core, "lib/net10.0/EmotionNet.Core.dll", "emotionnet-fer7"u8), "EmotionNet.Core.dll embeds a model.");
        using var inference = ZipFile.OpenRead(feed.PackageFile("EmotionNet.Vision"));
        Assert.True(Contains(inference, "lib/net10.0/EmotionNet.Vision.dll", "EmotionNet.Vision.haarcascade_frontalface_default.xml"u8), "EmotionNet.Vision.dll does not embed the Haar cascade.");
    }

    [Fact]
    public void The_tool_is_a_pointer_package_to_one_package_per_platform()
    {
        using var pointer = ZipFile.OpenRead(feed.PackageFile("EmotionNet.Cli"));
        var metadata = Nuspec(pointer);
        Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");
        Assert.Contains(pointer.Entries, e => e.FullName == "README.md");
        var settings = XDocument.Load(pointer.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
        Assert.Equal("emotionnet", (string?)settings.Descendants("Command").Single().Attribute("Name"));
        Assert.Equal(["linux-x64", "osx-arm64", "win-x64"], settings.Descendants("RuntimeIdentifierPackage").Select(e => (string)e.Attribute("RuntimeIdentifier")!).Order());
    }

    /// <summary>
    /// Each platform's tool package holds the tool, that platform's libtorch, TorchSharp shim and ONNX Runtime (linux-x64
    /// also OpenCV), and every native library in it is of that platform's format: no other platform's files.
    /// </summary>
    [Theory]
    [InlineData("linux-x64", BinaryFormat.ElfX64, "libtorch_cpu.so,libLibTorchSharp.so,libonnxruntime.so,libOpenCvSharpExtern.so")]
    [InlineData("win-x64", BinaryFormat.PeX64, "torch_cpu.dll,LibTorchSharp.dll,onnxruntime.dll")]
    [InlineData("osx-arm64", BinaryFormat.MachOArm64, "libtorch_cpu.dylib,libLibTorchSharp.dylib,libonnxruntime.dylib")]
    public void A_platform_tool_package_carries_that_platform_s_natives_only(string rid, BinaryFormat platform, string natives)
    {
        using var package = ZipFile.OpenRead(feed.PackageFile($"EmotionNet.Cli.{rid}"));
        var root = $"tools/net10.0/{rid}/";
        var files = package.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var file in new[] { "emotionnet.dll", "EmotionNet.Core.dll", "EmotionNet.Torch.dll", "EmotionNet.OnnxRuntime.dll" }.Concat(natives.Split(',')))
            Assert.Contains(root + file, files);
        Assert.DoesNotContain(files, f => f.Contains("/runtimes/", StringComparison.Ordinal));

        var formats = package.Entries.Where(e => e.FullName.StartsWith(root, StringComparison.Ordinal))
            .Select(e => (e.FullName, Format: BinaryFormats.Of(Head(e)))).ToList();
        var foreign = formats.Where(f => f.Format is not (BinaryFormat.Other or BinaryFormat.Managed) && f.Format != platform).ToList();
        Assert.True(foreign.Count == 0, $"{rid}: natives of another platform: {string.Join(", ", foreign)}");
        Assert.Contains(formats, f => f.Format == platform);
    }

    private static byte[] Head(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var head = new byte[4096];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }

    private static XElement Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Value(XElement metadata, string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

    private static bool Contains(ZipArchive package, string entry, ReadOnlySpan<byte> text)
    {
        using var stream = package.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(text) >= 0;
    }
}
