using EmotionNet.Checkpoints;
using EmotionNet.Data;
using EmotionNet.Models;
using EmotionNet.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace EmotionNet.Evaluation;

/// <summary>Runs a model over a split on clean, deterministic clips and scores it.</summary>
public static partial class Evaluator
{
    /// <summary>
    /// Evaluates the model of a checkpoint with its own sequence length and normalization;
    /// <paramref name="batchSize"/> and <paramref name="flipAveraging"/> as in <see cref="EvaluationOptions"/>.
    /// </summary>
    public static ClassificationMetrics Evaluate(string checkpointPath, FaceClipSet set, DeviceKind device, int batchSize = 256, bool flipAveraging = true,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        _ = Devices.Resolve(device); // an unavailable device fails before the file is read
        return Evaluate(Checkpoint.Load(checkpointPath), checkpointPath, set, device, batchSize, flipAveraging, progress, cancellationToken);
    }

    /// <summary>
    /// Evaluates the model of an already read checkpoint (e.g. <see cref="ShippedModel.Load"/>);
    /// <paramref name="sourceName"/> names it in errors.
    /// </summary>
    public static ClassificationMetrics Evaluate(Checkpoint checkpoint, string sourceName, FaceClipSet set, DeviceKind device, int batchSize = 256, bool flipAveraging = true,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var dev = Devices.Resolve(device);
        using var model = checkpoint.CreateModel(sourceName);
        model.to(dev);
        var options = new EvaluationOptions
        {
            BatchSize = batchSize,
            SequenceLength = checkpoint.Metadata.SequenceLength,
            FlipAveraging = flipAveraging,
            Normalization = checkpoint.Metadata.Normalization,
        };
        return Evaluate(model, set, options, dev, progress, cancellationToken);
    }

    /// <summary>
    /// Evaluates <paramref name="model"/> on <paramref name="set"/> in eval mode under no-grad (the
    /// model's previous mode is restored). <paramref name="progress"/> receives clips done.
    /// </summary>
    public static ClassificationMetrics Evaluate(EmotionNetModel model, FaceClipSet set, EvaluationOptions options, Device device,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            var matrix = new ConfusionMatrix(set.Classes.Count);
            double lossSum = 0;
            var done = 0;
            var loader = new ClipLoaderOptions { BatchSize = options.BatchSize, SequenceLength = options.SequenceLength, Normalization = options.Normalization };
            foreach (var clips in ClipBatchLoader.Batches(set, loader, epoch: 0, cancellationToken))
            {
                using var scope = NewDisposeScope();
                using var batch = clips;
                var inputs = batch.Inputs.to(device);
                var probabilities = nn.functional.softmax(model.call(inputs), 1);
                // The mirror image is the same clean clip flipped along the width: (B, T, 1, H, W).
                if (options.FlipAveraging)
                    probabilities = (probabilities + nn.functional.softmax(model.call(inputs.flip(4)), 1)) / 2;
                var labels = batch.Labels.to(device);
                lossSum += nn.functional.nll_loss(probabilities.clamp_min(1e-8).log(), labels, reduction: nn.Reduction.Sum).cpu().item<float>();
                var predicted = probabilities.argmax(1).cpu().data<long>().ToArray();
                var truth = batch.Labels.data<long>().ToArray();
                for (var i = 0; i < predicted.Length; i++) matrix.Add((int)truth[i], (int)predicted[i]);
                done += batch.Count;
                progress?.Report(done);
            }
            return ClassificationMetrics.From(matrix, set.Classes.ClassNames, done == 0 ? null : lossSum / done);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
