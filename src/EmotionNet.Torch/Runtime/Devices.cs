using EmotionNet.Core.Runtime;
using TorchSharp;

namespace EmotionNet.Torch.Runtime;

/// <summary>Resolves a <see cref="DeviceKind"/> to a TorchSharp device.</summary>
public static class Devices
{
    /// <summary>What a <see cref="DeviceUnavailableException"/> for CUDA says first: why it is not there.</summary>
    public const string CudaUnavailable = "CUDA is not available: this build uses the CPU libtorch or no CUDA GPU and driver were found. ";

    /// <summary>
    /// Returns the device for <paramref name="kind"/>. <see cref="DeviceKind.Cuda"/> on a machine or
    /// build without CUDA throws a <see cref="DeviceUnavailableException"/> that says why.
    /// </summary>
    public static torch.Device Resolve(DeviceKind kind) => Resolve(kind, CudaAvailable);

    internal static torch.Device Resolve(DeviceKind kind, Func<bool> cudaAvailable)
    {
        NativeRuntime.EnsureTorch();
        return kind switch
        {
            DeviceKind.Cpu => new torch.Device(DeviceType.CPU),
            DeviceKind.Cuda when cudaAvailable() => new torch.Device(DeviceType.CUDA, 0),
            DeviceKind.Cuda => throw new DeviceUnavailableException(kind, CudaUnavailable +
                "Use DeviceKind.Cpu (or Auto), or reference a CUDA libtorch (TorchSharp-cuda-linux / -windows, or -p:TorchBackend=cuda-linux when building EmotionNet) on a machine with an NVIDIA GPU."),
            _ => cudaAvailable() ? new torch.Device(DeviceType.CUDA, 0) : new torch.Device(DeviceType.CPU),
        };
    }

    private static bool CudaAvailable()
    {
        try
        {
            return torch.cuda.is_available();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or NotSupportedException)
        {
            return false;
        }
    }
}
