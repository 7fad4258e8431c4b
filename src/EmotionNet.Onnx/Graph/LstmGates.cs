namespace EmotionNet.Onnx.Graph;

/// <summary>
/// PyTorch stacks an LSTM's four gate blocks as (input, forget, cell, output); ONNX's LSTM operator
/// expects (input, output, forget, cell). Getting this wrong still runs, with wrong numbers, so the
/// reordering lives in one place with its own test.
/// </summary>
internal static class LstmGates
{
    /// <summary>For each ONNX gate block i, o, f, c: the PyTorch block it comes from (i=0, f=1, g=2, o=3).</summary>
    public static readonly int[] OnnxFromTorch = [0, 3, 1, 2];

    /// <summary>Reorders the 4 * hidden rows of a PyTorch gate matrix or bias (row length <paramref name="rowLength"/>) into ONNX order.</summary>
    public static float[] ToOnnxOrder(float[] torchOrder, int hidden, int rowLength)
    {
        var block = hidden * rowLength;
        if (torchOrder.Length != 4 * block) throw new ArgumentException($"Expected {4 * block} gate values, got {torchOrder.Length}.", nameof(torchOrder));
        var result = new float[torchOrder.Length];
        for (var g = 0; g < 4; g++) Array.Copy(torchOrder, OnnxFromTorch[g] * block, result, g * block, block);
        return result;
    }
}
