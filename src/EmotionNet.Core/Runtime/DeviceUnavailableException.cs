namespace EmotionNet.Core.Runtime;

/// <summary>A device was asked for that this build or machine does not have (CUDA on a CPU build or a machine without an NVIDIA GPU).</summary>
public sealed class DeviceUnavailableException : EmotionNetException
{
    /// <summary>Creates the exception for <paramref name="requested"/>; the message says why and what to do.</summary>
    public DeviceUnavailableException(DeviceKind requested, string message) : base(message)
    {
        Requested = requested;
    }

    /// <summary>The device that was asked for.</summary>
    public DeviceKind Requested { get; }
}
