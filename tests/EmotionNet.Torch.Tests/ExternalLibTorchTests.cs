using EmotionNet.Core.Runtime;
using EmotionNet.Torch.Runtime;

namespace EmotionNet.Torch.Tests;

public sealed class ExternalLibTorchTests
{
    [Fact]
    public void A_missing_folder_is_a_clear_error_naming_it()
    {
        var e = Assert.Throws<NativeDependencyException>(() => ExternalLibTorch.Load("/no/such/torch/lib"));
        Assert.Contains("/no/such/torch/lib", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.Null(ExternalLibTorch.LoadedFrom);
    }

    [Fact]
    public void A_folder_without_libtorch_names_the_missing_library()
    {
        var folder = Directory.CreateTempSubdirectory("emotionnet-libtorch-").FullName;
        try
        {
            var e = Assert.Throws<NativeDependencyException>(() => ExternalLibTorch.Load(folder));
            Assert.Contains(folder, e.Message, StringComparison.Ordinal);
            Assert.Contains("libc10.so", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_library_does_not_load_and_says_so()
    {
        var folder = Directory.CreateTempSubdirectory("emotionnet-libtorch-").FullName;
        try
        {
            foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" }) File.WriteAllText(Path.Combine(folder, name), "not an ELF file");
            var e = Assert.Throws<NativeDependencyException>(() => ExternalLibTorch.Load(folder));
            Assert.Contains(Path.Combine(folder, "libc10.so"), e.Message, StringComparison.Ordinal);
            Assert.Contains("does not load", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
