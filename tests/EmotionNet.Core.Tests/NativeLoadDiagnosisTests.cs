using EmotionNet.Core.Runtime;

namespace EmotionNet.Core.Tests;

public class NativeLoadDiagnosisTests
{
    [Fact]
    public void A_missing_glibcxx_version_is_named_with_the_fix()
    {
        var dll = new DllNotFoundException("Unable to load shared library 'LibTorchSharp': /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by libLibTorchSharp.so)");
        var failure = new TypeInitializationException("TorchSharp.PInvoke.NativeMethods", dll);

        var exception = NativeProbe.Run("TorchSharp (libLibTorchSharp.so / libtorch)", () => throw failure);

        Assert.NotNull(exception);
        Assert.Contains("GLIBCXX_3.4.32", exception.Message);
        Assert.Contains("install-prerequisites.sh", exception.Message);
        Assert.Same(failure, exception.InnerException);
    }

    [Fact]
    public void A_missing_shared_library_is_named()
    {
        var dll = new DllNotFoundException("Unable to load shared library 'OpenCvSharpExtern': libgtk-3.so.0: cannot open shared object file: No such file or directory");

        var message = NativeLoadDiagnosis.Describe("OpenCvSharp (libOpenCvSharpExtern.so)", dll, systemHasRequiredGlibcxx: true);

        Assert.Contains("libgtk-3.so.0 is missing", message);
        Assert.StartsWith("OpenCvSharp (libOpenCvSharpExtern.so) could not be loaded", message);
    }

    [Fact]
    public void An_old_system_libstdcxx_is_blamed_when_the_loader_gives_no_detail()
    {
        var message = NativeLoadDiagnosis.Describe("TorchSharp", new DllNotFoundException("Unable to load LibTorchSharp"), systemHasRequiredGlibcxx: false);

        Assert.Contains("lacks GLIBCXX_3.4.32", message);
    }

    [Fact]
    public void Success_gives_no_exception() =>
        Assert.Null(NativeProbe.Run("anything", () => { }));
}
