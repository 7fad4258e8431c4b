namespace EmotionNet.Training.Engine;

/// <summary>The parts of one optimizer step, in the order <see cref="TrainingStep"/> runs them.</summary>
internal enum StepPhase
{
    /// <summary>bf16 only: master weights copied into the working copy, its gradients cleared (fp32: gradients cleared).</summary>
    WeightCopy,
    /// <summary>bf16 only: BatchNorm running statistics copied into the working copy.</summary>
    BufferCopyIn,
    /// <summary>The forward pass, up to the logits.</summary>
    Forward,
    /// <summary>The loss from the logits.</summary>
    Loss,
    /// <summary>loss.backward().</summary>
    Backward,
    /// <summary>bf16 only: working gradients copied into the fp32 master gradients.</summary>
    GradientCopy,
    /// <summary>bf16 only: BatchNorm running statistics copied back to the master.</summary>
    BufferCopyOut,
    /// <summary>Gradient-norm clipping.</summary>
    Clip,
    /// <summary>optimizer.step().</summary>
    Optimizer,
}

/// <summary>Told when each phase of a step ends; a profiler hook, so the benchmark times the very code the trainer runs.</summary>
internal interface IStepObserver
{
    /// <summary>Called right after <paramref name="phase"/> finished (libtorch on CPU runs eagerly, so the work is done).</summary>
    void Ended(StepPhase phase);
}
