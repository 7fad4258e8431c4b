namespace EmotionNet.Training.Options;

/// <summary>The optimizer.</summary>
public enum OptimizerKind
{
    /// <summary>Adam with decoupled weight decay.</summary>
    AdamW,
    /// <summary>Stochastic gradient descent with Nesterov momentum.</summary>
    Sgd,
}
