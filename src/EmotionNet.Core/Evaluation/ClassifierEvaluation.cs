using EmotionNet.Augmentation;
using EmotionNet.Data;
using EmotionNet.Imaging;
using EmotionNet.Models;

namespace EmotionNet.Evaluation;

public static partial class Evaluator
{
    /// <summary>
    /// Evaluates any <see cref="IEmotionClassifier"/> (an ONNX Runtime one, say) exactly as the checkpoint
    /// path scores its model: the same clean clips of the classifier's T (<see cref="ClipFrames.Sample"/>,
    /// <see cref="EvaluationClip"/>), the same mirror-image averaging of the probabilities when
    /// <see cref="EvaluationOptions.FlipAveraging"/> is set, the same loss. It calls no TorchSharp
    /// function, so it runs without libtorch. <see cref="EvaluationOptions.SequenceLength"/> and
    /// <see cref="EvaluationOptions.Normalization"/> are the classifier's own and are ignored here.
    /// </summary>
    public static ClassificationMetrics Evaluate(IEmotionClassifier classifier, FaceClipSet set, EvaluationOptions options,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
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
                // In float, as the tensor path computes (p + p_flipped) / 2.
                for (var k = 0; k < probabilities.Length; k++) probabilities[k] = (probabilities[k] + flipped[k]) / 2;
            }
            for (var i = 0; i < count; i++)
            {
                var row = probabilities.AsSpan(i * classes, classes);
                var truth = set.Label(start + i);
                lossSum -= Math.Log(Math.Max(row[truth], 1e-8f));
                matrix.Add(truth, ArgMax(row));
            }
            done += count;
            progress?.Report(done);
        }
        return ClassificationMetrics.From(matrix, set.Classes.ClassNames, done == 0 ? null : lossSum / done);
    }

    // The first index of the largest value, as libtorch's argmax picks.
    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
