namespace EmotionNet.Core.Models;

/// <summary>How the LSTM's per-frame outputs (B, T, H) are reduced to one vector per clip.</summary>
public enum TemporalPooling
{
    /// <summary>The output at the last frame (what a streaming recognizer sees).</summary>
    Last,
    /// <summary>The mean over frames.</summary>
    Mean,
    /// <summary>A learned softmax-weighted sum over frames.</summary>
    Attention,
}
