namespace EmotionNet.Training.Options;

/// <summary>Arithmetic precision of the forward and backward passes.</summary>
public enum Precision
{
    /// <summary>32-bit floats throughout.</summary>
    Fp32,
    /// <summary>
    /// Mixed precision: a bfloat16 working copy of the model runs forward and backward, the
    /// optimizer updates fp32 master weights (TorchSharp has no autocast, so this is done by hand).
    /// </summary>
    Bf16,
}
