using EmotionNet.Core;
using EmotionNet.Core.IO;

namespace EmotionNet.Reliability.Tests;

/// <summary>A write that fails halfway leaves the previous file (or none) under the final name, and no temporary file behind.</summary>
public sealed class AtomicWriteTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-atomic-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_writer_that_throws_midway_leaves_no_file_under_the_final_name()
    {
        var path = Path.Combine(dir, "metrics.json");
        var e = Assert.Throws<EmotionNetException>(() => AtomicFile.Write(path, s =>
        {
            s.Write(new byte[100_000]);
            throw new IOException("disk full (simulated)");
        }));
        Assert.Contains("metrics.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("disk full", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public void Leftovers_of_a_killed_writer_are_removed_and_nothing_else()
    {
        var leftover = AtomicFile.TemporaryPathFor(Path.Combine(dir, "last.ckpt"));
        File.WriteAllText(leftover, "half a checkpoint");
        string[] keep = ["last.ckpt", ".hidden.txt", "notes.tmp", ".last.not-a-guid.tmp.ckpt"];
        foreach (var name in keep) File.WriteAllText(Path.Combine(dir, name), name);

        Assert.Equal(1, AtomicFile.DeleteLeftovers(dir));

        Assert.False(File.Exists(leftover));
        Assert.Equal(keep.Order(), Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        Assert.Equal(0, AtomicFile.DeleteLeftovers(Path.Combine(dir, "missing")));
    }

    [Fact]
    public void A_writer_that_throws_midway_keeps_the_previous_file_intact()
    {
        var path = Path.Combine(dir, "last.ckpt");
        AtomicFile.WriteAllText(path, "previous, complete");
        Assert.Throws<EmotionNetException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("new, half-writ"u8);
            throw new IOException("killed (simulated)");
        }));
        Assert.Equal("previous, complete", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void A_path_writer_that_throws_leaves_neither_the_final_nor_the_temporary_file()
    {
        var path = Path.Combine(dir, "plot.png");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteVia(path, temp =>
        {
            File.WriteAllBytes(temp, new byte[10]);
            throw new InvalidOperationException("encoder failed (simulated)");
        }));
        Assert.Empty(Directory.GetFiles(dir));
    }
}

/// <summary>An annotated video is written under a temporary name and renamed only when complete.</summary>
public sealed class AnnotatedVideoAtomicityTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("emotionnet-atomic-video-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_video_abandoned_before_completion_leaves_no_file()
    {
        using (var writer = new EmotionNet.Vision.Annotation.AnnotatedVideoWriter(Path.Combine(dir, "annotated"), 10))
        using (var frame = new OpenCvSharp.Mat(64, 64, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(90)))
        {
            for (var i = 0; i < 5; i++) writer.Write(frame);
            Assert.Empty(Directory.GetFiles(dir, "annotated.*"));
        }
        Assert.Empty(Directory.GetFiles(dir));
    }
}
