using TorchSharp;
using static TorchSharp.torch;
using EmotionNet.Core.Data;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Options;

namespace EmotionNet.Training.Engine;

/// <summary>
/// The loss a run minimizes: label-smoothed cross-entropy (optionally class-weighted, optionally on
/// logit-adjusted scores), plus, with teachers, the distillation term
/// <c>T² · CE(teacher probabilities at T, student softmax at T)</c> weighted by <see cref="TrainingOptions.DistillationWeight"/>.
/// The cross-entropy form of the distillation term differs from the KL divergence only by the teachers'
/// entropy, a constant, so its gradients are Hinton et al.'s.
/// </summary>
internal sealed class TrainingLoss : IDisposable
{
    private readonly double smoothing;
    private readonly Tensor? classWeights;
    private readonly Tensor? logitOffsets;
    // Scalars held in fields for the run: TorchSharp 0.107 hands their native handles over without keeping
    // the managed objects alive, so a temporary one can be collected mid-call (see HeldScalars).
    private readonly Scalar inverseTemperature;
    private readonly Scalar distillationScale;
    private readonly Scalar labelShare;

    /// <summary>The loss of <paramref name="run"/> for a training set of <paramref name="train"/>'s class counts, its tensors on <paramref name="device"/>.</summary>
    public TrainingLoss(TrainingOptions run, FaceClipSet train, Device device)
    {
        smoothing = run.LabelSmoothing;
        var counts = train.ClassCounts();
        var total = (double)Math.Max(1, counts.Sum());
        // Normalized so the mean weight is 1: the loss scale (and so the learning rate) stays comparable.
        if (run.ClassWeights)
            classWeights = tensor(counts.Select(c => c == 0 ? 0f : (float)(total / (counts.Length * c))).ToArray()).to(device);
        // A class absent from the data gets the prior of one face rather than log(0).
        if (run.LogitAdjustment > 0)
            logitOffsets = tensor(counts.Select(c => (float)(run.LogitAdjustment * Math.Log(Math.Max(1, c) / total))).ToArray()).to(device);
        inverseTemperature = (1.0 / run.DistillationTemperature).ToScalar();
        distillationScale = (run.DistillationWeight * run.DistillationTemperature * run.DistillationTemperature).ToScalar();
        labelShare = (1.0 - run.DistillationWeight).ToScalar();
    }

    /// <summary>The class-prior offsets added to the logits in the loss (null without logit adjustment).</summary>
    public Tensor? LogitOffsets => logitOffsets;

    /// <summary>
    /// The batch loss: (B, C) fp32 logits, (B) int64 labels and, with teachers, their (B, C) probabilities at the
    /// distillation temperature. Returns a scalar tensor in the caller's dispose scope.
    /// </summary>
    public Tensor Compute(Tensor logits, Tensor labels, Tensor? teacherProbabilities)
    {
        using var scope = NewDisposeScope();
        var scores = logitOffsets is null ? logits : logits.add(logitOffsets, HeldScalars.One);
        var loss = LossAndGradients.CrossEntropy(scores, labels, smoothing, classWeights);
        if (teacherProbabilities is not null)
        {
            var studentLog = nn.functional.log_softmax(logits.mul(inverseTemperature), 1);
            var soft = teacherProbabilities.mul(studentLog).sum(1).mean().neg();
            loss = loss.mul(labelShare).add(soft.mul(distillationScale), HeldScalars.One);
        }
        return loss.MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        classWeights?.Dispose();
        logitOffsets?.Dispose();
        inverseTemperature.Dispose();
        distillationScale.Dispose();
        labelShare.Dispose();
    }
}
