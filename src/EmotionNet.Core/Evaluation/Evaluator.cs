using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Core.Evaluation;

/// <summary>
/// Runs a classifier over a split on clean, deterministic clips and scores it: the one evaluation loop,
/// for every backend (EmotionNet.Torch's <c>EmotionClassifier</c>, also during training, and EmotionNet.OnnxRuntime's
/// <c>OnnxEmotionClassifier</c>), so that they score the same clips the same way.
/// </summary>
public static class Evaluator
{
    /// <summary>
    /// Evaluates <paramref name="classifier"/> on <paramref name="set"/>: clean clips of the classifier's
    /// own T (<see cref="ClipFrames.Sample"/>, <see cref="EvaluationClip"/>; it normalizes as it was trained),
    /// with the probabilities of each clip and its mirror image averaged when
    /// <see cref="EvaluationOptions.FlipAveraging"/> is set, and the mean cross-entropy of the averaged
    /// probabilities. <paramref name="progress"/> receives clips done. <see cref="EvaluationOptions.Split"/>
    /// is not used: the caller chose <paramref name="set"/>.
    /// </summary>
    /// <exception cref="EmotionNetException">The classifier and the data have different class counts.</exception>
    public static ClassificationMetrics Evaluate(IEmotionClassifier classifier, FaceClipSet set, EvaluationOptions options,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (classifier.Classes.Count != set.Classes.Count)
            throw new EmotionNetException($"The classifier predicts {classifier.Classes.Count} classes ({classifier.Classes.Name}) but the data has {set.Classes.Count} ({set.Classes.Name}).");

        var t = classifier.SequenceLength;
        var classes = classifier.Classes.Count;
        var clipBytes = t * FaceImage.FrameBytes;
        var indices = new int[t];
        var matrix = new ConfusionMatrix(classes);
        double lossSum = 0;
        var done = 0;
        for (var start = 0; start < set.Count; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(options.BatchSize, set.Count - start);
            var plain = new byte[count * clipBytes];
            var mirrored = options.FlipAveraging ? new byte[count * clipBytes] : null;
            for (var i = 0; i < count; i++)
            {
                ClipFrames.Sample(set.FrameCount(start + i), indices);
                EvaluationClip.Write(set.Frames(start + i), indices, flip: false, plain.AsSpan(i * clipBytes, clipBytes));
                if (mirrored is not null) EvaluationClip.Write(set.Frames(start + i), indices, flip: true, mirrored.AsSpan(i * clipBytes, clipBytes));
            }
            var probabilities = classifier.Predict(plain, count);
            if (mirrored is not null)
            {
                var flipped = classifier.Predict(mirrored, count);
                // In float: (p + p_flipped) / 2.
                for (var k = 0; k < probabilities.Length; k++) probabilities[k] = (probabilities[k] + flipped[k]) / 2;
            }
            for (var i = 0; i < count; i++)
            {
                var row = probabilities.AsSpan(i * classes, classes);
                var truth = set.Label(start + i);
                lossSum -= Math.Log(Math.Max(row[truth], 1e-8f));
                matrix.Add(truth, ArgMax.Of<float>(row));
            }
            done += count;
            progress?.Report(done);
        }
        return ClassificationMetrics.From(matrix, set.Classes.ClassNames, done == 0 ? null : lossSum / done);
    }
}
