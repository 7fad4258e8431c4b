using EmotionNet.Core.Options;

namespace EmotionNet.Core.Models;

/// <summary>Architecture of the CNN+LSTM (EmotionNet.Torch's <c>EmotionNetModel</c>); stored in every checkpoint and exported ONNX model.</summary>
public sealed record ModelConfig
{
    /// <summary>Output channels of each convolution block; each block halves the resolution (48 -> 24 -> 12 -> 6 -> 3). Default 32, 64, 128, 256.</summary>
    public IReadOnlyList<int> ConvWidths { get; init; } = [32, 64, 128, 256];

    /// <summary>3x3 convolutions per block, each followed by BatchNorm and the activation. Default 2.</summary>
    public int ConvsPerBlock { get; init; } = 2;

    /// <summary>Activation after each convolution. Default <see cref="Activation.Relu"/>.</summary>
    public Activation Activation { get; init; } = Activation.Relu;

    /// <summary>Dropout probability on per-frame features and before the classifier, in [0, 1). Default 0.3.</summary>
    public double Dropout { get; init; } = 0.3;

    /// <summary>LSTM hidden size per direction. Default 128.</summary>
    public int LstmHidden { get; init; } = 128;

    /// <summary>Stacked LSTM layers. Default 1.</summary>
    public int LstmLayers { get; init; } = 1;

    /// <summary>Whether the LSTM also reads the clip backwards. Default false (a streaming-friendly model).</summary>
    public bool Bidirectional { get; init; }

    /// <summary>How the LSTM outputs over time become one vector. Default <see cref="TemporalPooling.Last"/>.</summary>
    public TemporalPooling Pooling { get; init; } = TemporalPooling.Last;

    /// <summary>Number of output classes (7 for fer7, 6 for seed6).</summary>
    public int NumClasses { get; init; } = 7;

    /// <summary>Size of the per-frame feature vector the conv stack produces (its last width).</summary>
    public int FeatureSize => ConvWidths[^1];

    /// <summary>One line for logs: "conv 32-64-128-256 x2, LSTM 128x1" (plus "bidirectional" where set).</summary>
    public string Summary => $"conv {string.Join("-", ConvWidths)} x{ConvsPerBlock}, LSTM {LstmHidden}x{LstmLayers}{(Bidirectional ? " bidirectional" : "")}";

    /// <summary>Checks every field; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public ModelConfig Validate()
    {
        var check = new OptionCheck(nameof(ModelConfig));
        check.Require(ConvWidths, ConvWidths is { Count: >= 1 and <= 5 }, "needs 1 to 5 blocks (48 px halves at most 5 times)");
        // Upper bounds too: a damaged or hostile checkpoint must not make the loader allocate gigabytes.
        check.Require(ConvWidths, ConvWidths.All(w => w is >= 1 and <= 4096), "must each be between 1 and 4096");
        check.Require(ConvsPerBlock, ConvsPerBlock is >= 1 and <= 8, "must be between 1 and 8");
        check.Require(Dropout, Dropout is >= 0 and < 1, "must be in [0, 1)");
        check.Require(LstmHidden, LstmHidden is >= 1 and <= 8192, "must be between 1 and 8192");
        check.Require(LstmLayers, LstmLayers is >= 1 and <= 8, "must be between 1 and 8");
        check.Require(NumClasses, NumClasses is >= 2 and <= 1000, "must be between 2 and 1000");
        check.Require(ConvWidths, ApproximateParameters() <= MaxParameters, $"give about {ApproximateParameters():N0} parameters; at most {MaxParameters:N0} are supported");
        return this;
    }

    /// <summary>The most parameters a model may have (the default has 1.4 M).</summary>
    public const long MaxParameters = 200_000_000;

    // The weight matrices only (3x3 convolutions, LSTM gates, classifier): what decides the memory a model needs.
    private long ApproximateParameters()
    {
        long total = 0, inChannels = 1;
        foreach (long width in ConvWidths)
        {
            total += 9 * (inChannels * width + (ConvsPerBlock - 1) * width * width);
            inChannels = width;
        }
        long directions = Bidirectional ? 2 : 1, input = FeatureSize;
        for (var layer = 0; layer < LstmLayers; layer++)
        {
            total += directions * 4L * LstmHidden * (input + LstmHidden);
            input = directions * LstmHidden;
        }
        return total + input * NumClasses;
    }
}
