namespace EmotionNet.Core.Runtime;

/// <summary>Which device to compute on.</summary>
public enum DeviceKind
{
    /// <summary>CUDA when available, otherwise CPU.</summary>
    Auto,
    /// <summary>The CPU.</summary>
    Cpu,
    /// <summary>The first CUDA GPU; an error where CUDA is not available.</summary>
    Cuda,
}
