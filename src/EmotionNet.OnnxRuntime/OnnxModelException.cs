using EmotionNet.Core;

namespace EmotionNet.OnnxRuntime;

/// <summary>An ONNX file is missing, empty, damaged, or not an EmotionNet model; the message names the file.</summary>
public sealed class OnnxModelException : EmotionNetException
{
    /// <summary>Creates the exception; the message names the file.</summary>
    public OnnxModelException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause; the message names the file.</summary>
    public OnnxModelException(string message, Exception innerException) : base(message, innerException) { }
}
