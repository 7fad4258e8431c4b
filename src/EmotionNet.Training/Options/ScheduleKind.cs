namespace EmotionNet.Training.Options;

/// <summary>The learning-rate schedule over all optimizer steps.</summary>
public enum ScheduleKind
{
    /// <summary>Linear warmup, then cosine decay to zero.</summary>
    Cosine,
    /// <summary>One-cycle: cosine rise from lr/25 to lr over the warmup, then cosine decay to lr/250000.</summary>
    OneCycle,
    /// <summary>Constant after linear warmup.</summary>
    Constant,
}
