namespace EmotionNet.Core.Models;

/// <summary>Activation function of the convolution stack.</summary>
public enum Activation
{
    /// <summary>max(0, x).</summary>
    Relu,
    /// <summary>Gaussian error linear unit.</summary>
    Gelu,
    /// <summary>x * sigmoid(x).</summary>
    Silu,
}
