using EmotionNet.Core.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace EmotionNet.Torch.Models;

/// <summary>
/// The CNN+LSTM: a conv stack encodes every frame, an LSTM reads the frames in order, the pooled
/// output goes through a linear classifier. Input (B, T, 1, 48, 48), output logits (B, classes).
/// With T = 1 it is the CNN-only baseline.
/// </summary>
public sealed class EmotionNetModel : Module<Tensor, Tensor>
{
    private readonly FrameEncoder encoder;
    private readonly Dropout featureDropout;
    private readonly LSTM lstm;
    private readonly Linear? attention;
    private readonly Dropout dropout;
    private readonly Linear classifier;
    private readonly TemporalPooling pooling;

    /// <summary>Builds the model with freshly initialized weights (seed the generator first for reproducibility).</summary>
    public EmotionNetModel(ModelConfig config) : this(config, channelsLast: true)
    {
    }

    /// <summary>
    /// <paramref name="channelsLast"/> false keeps the conv stack in NCHW memory order: the same
    /// model and weights, slower; kept so the training benchmark can measure the difference.
    /// </summary>
    internal EmotionNetModel(ModelConfig config, bool channelsLast) : base(nameof(EmotionNetModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.Validate();
        ChannelsLast = channelsLast;
        pooling = config.Pooling;
        encoder = new FrameEncoder(config, channelsLast);
        featureDropout = Dropout(config.Dropout);
        lstm = LSTM(config.FeatureSize, config.LstmHidden, config.LstmLayers, batchFirst: true, bidirectional: config.Bidirectional);
        var lstmOut = config.LstmHidden * (config.Bidirectional ? 2 : 1);
        if (pooling == TemporalPooling.Attention) attention = Linear(lstmOut, 1);
        dropout = Dropout(config.Dropout);
        classifier = Linear(lstmOut, config.NumClasses);
        RegisterComponents();
    }

    /// <summary>The architecture.</summary>
    public ModelConfig Config { get; }

    /// <summary>Whether the conv stack runs in channels-last memory order (the default).</summary>
    internal bool ChannelsLast { get; }

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    // (B, T, 1, 48, 48) -> (B, classes)
    /// <inheritdoc />
    public override Tensor forward(Tensor clips)
    {
        using var scope = NewDisposeScope();
        var (b, t) = (clips.shape[0], clips.shape[1]);
        var frames = Encode(clips.reshape(b * t, 1, clips.shape[3], clips.shape[4]));         // (B*T, F)
        return Classify(frames.reshape(b, t, -1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The per-frame half: (N, 1, 48, 48) -> (N, <see cref="ModelConfig.FeatureSize"/>). Each frame is
    /// encoded on its own (no mixing across frames in eval mode), so a streaming caller may encode each
    /// frame once and reuse its features in every clip it belongs to.
    /// </summary>
    public Tensor Encode(Tensor frames) => encoder.call(frames);

    /// <summary>
    /// The temporal half: per-frame features (B, T, F) -> logits (B, classes); the LSTM starts from a zero
    /// state, as in <see cref="forward"/>, so <c>Classify(Encode(frames))</c> equals <c>forward(clips)</c>.
    /// </summary>
    public Tensor Classify(Tensor features)
    {
        using var scope = NewDisposeScope();
        var sequence = featureDropout.call(features);                                          // (B, T, F)
        var (outputs, _, _) = lstm.call(sequence);                                              // (B, T, H)
        var pooled = Pool(outputs);                                                             // (B, H)
        return classifier.call(dropout.call(pooled)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Logits at every frame, for a streaming (unidirectional) model: features (B, T, F) and an optional
    /// LSTM state (h, c), each (layers, B, hidden; zero when null) -> logits (B, T, classes) and the state after
    /// the last frame. The output at frame t depends on frames 0..t only, so feeding a stream one frame at a
    /// time, carrying the state, gives the same logits as one call over the whole stream; at T = 1 from a
    /// zero state it equals <see cref="Classify"/> on that frame under <see cref="TemporalPooling.Last"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is bidirectional: its outputs depend on later frames.</exception>
    public (Tensor Logits, Tensor Hidden, Tensor Cell) ClassifyEachFrame(Tensor features, (Tensor Hidden, Tensor Cell)? state = null)
    {
        if (Config.Bidirectional) throw new InvalidOperationException("A bidirectional model reads frames that have not arrived yet; it cannot stream frame by frame.");
        using var scope = NewDisposeScope();
        var sequence = featureDropout.call(features);                                          // (B, T, F)
        var (outputs, hidden, cell) = lstm.call(sequence, state);                               // (B, T, H)
        var logits = classifier.call(dropout.call(outputs));                                   // (B, T, C)
        return (logits.MoveToOuterDisposeScope(), hidden.MoveToOuterDisposeScope(), cell.MoveToOuterDisposeScope());
    }

    private Tensor Pool(Tensor outputs) => pooling switch
    {
        TemporalPooling.Last => outputs.select(1, -1),
        TemporalPooling.Mean => outputs.mean([1]),
        TemporalPooling.Attention => (functional.softmax(attention!.call(outputs), 1) * outputs).sum(1),
        _ => throw new InvalidOperationException($"Unknown pooling {pooling}."),
    };
}
