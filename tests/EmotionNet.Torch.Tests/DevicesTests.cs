using EmotionNet.Core.Runtime;
using EmotionNet.Torch.Runtime;
using TorchSharp;

namespace EmotionNet.Torch.Tests;

public class DevicesTests
{
    [Fact]
    public void Cuda_without_cuda_fails_with_a_clear_message()
    {
        var e = Assert.Throws<DeviceUnavailableException>(() => Devices.Resolve(DeviceKind.Cuda, () => false));
        Assert.Equal(DeviceKind.Cuda, e.Requested);
        Assert.Contains("CUDA is not available", e.Message);
        Assert.Contains("DeviceKind.Cpu", e.Message);
        Assert.DoesNotContain("--", e.Message);   // a library speaks of options; the CLI maps them to flags
    }

    [Fact]
    public void Auto_falls_back_to_cpu_and_picks_cuda_when_present()
    {
        Assert.Equal(DeviceType.CPU, Devices.Resolve(DeviceKind.Auto, () => false).type);
        Assert.Equal(DeviceType.CUDA, Devices.Resolve(DeviceKind.Auto, () => true).type);
    }

    [SkippableFact]
    public void On_this_cpu_build_cuda_is_reported_unavailable()
    {
        // The CPU libtorch has no CUDA, so the real check must say so rather than crash.
        Skip.If(torch.cuda.is_available(), "CUDA is available here: a build and machine without it is what this checks");
        Assert.Throws<DeviceUnavailableException>(() => Devices.Resolve(DeviceKind.Cuda));
    }
}
