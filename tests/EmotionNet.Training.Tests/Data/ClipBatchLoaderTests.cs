using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Options;
using EmotionNet.Samples;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Data;

namespace EmotionNet.Training.Tests.Data;

public class ClipBatchLoaderTests
{
    private static readonly FaceClipSet Set = SampleData.Load(ClassSet.Fer7).Training;

    public ClipBatchLoaderTests() => NativeRuntime.EnsureTorch();

    private static List<(float[] Inputs, long[] Labels, int[] Clips, long[] Shape)> Collect(FaceClipSet set, ClipLoaderOptions options, int epoch)
    {
        var result = new List<(float[], long[], int[], long[])>();
        foreach (var batch in ClipBatchLoader.Batches(set, options, epoch))
        {
            using (batch)
            {
                Assert.Equal(TorchSharp.torch.ScalarType.Float32, batch.Inputs.dtype);
                Assert.Equal(TorchSharp.torch.ScalarType.Int64, batch.Labels.dtype);
                result.Add((batch.Inputs.data<float>().ToArray(), batch.Labels.data<long>().ToArray(), batch.Clips.ToArray(), batch.Inputs.shape));
            }
        }
        return result;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void Batches_have_shape_b_t_1_48_48_and_int64_labels(int length)
    {
        var options = new ClipLoaderOptions { BatchSize = 64, SequenceLength = length, Augmentation = PseudoSequenceOptions.Default };
        var batches = Collect(Set, options, 0);
        Assert.Equal(4, batches.Count);   // 210 clips: 64, 64, 64, 18
        Assert.Equal(new long[] { 64, length, 1, 48, 48 }, batches[0].Shape);
        Assert.Equal(new long[] { 18, length, 1, 48, 48 }, batches[^1].Shape);
        Assert.Equal(Set.Count, batches.Sum(b => b.Labels.Length));
        var norm = InputNormalization.Default;
        var (low, high) = (norm.Apply(0), norm.Apply(255));
        Assert.All(batches, b => Assert.All(b.Inputs, v => Assert.InRange(v, low - 1e-5f, high + 1e-5f)));
    }

    [Fact]
    public void Augmented_batches_are_identical_for_any_worker_count()
    {
        var options = new ClipLoaderOptions { BatchSize = 32, SequenceLength = 4, Shuffle = true, Seed = 11, Augmentation = PseudoSequenceOptions.Default };
        var inline = Collect(Set, options with { Workers = 0 }, 3);
        var one = Collect(Set, options with { Workers = 1 }, 3);
        var three = Collect(Set, options with { Workers = 3, PrefetchBatches = 2 }, 3);
        for (var k = 0; k < inline.Count; k++)
        {
            Assert.Equal(inline[k].Inputs, one[k].Inputs);
            Assert.Equal(inline[k].Inputs, three[k].Inputs);
            Assert.Equal(inline[k].Labels, three[k].Labels);
        }
        var again = Collect(Set, options, 3);
        Assert.Equal(one[0].Inputs, again[0].Inputs);
        var otherEpoch = Collect(Set, options, 4);
        Assert.NotEqual(one[0].Inputs, otherEpoch[0].Inputs);
    }

    [Fact]
    public void Shuffle_order_depends_only_on_seed_and_epoch()
    {
        var options = new ClipLoaderOptions { Shuffle = true, Seed = 5 };
        var order = ClipBatchLoader.ClipOrder(100, options, 0);
        Assert.Equal(order, ClipBatchLoader.ClipOrder(100, options, 0));
        Assert.NotEqual(order, ClipBatchLoader.ClipOrder(100, options, 1));
        Assert.NotEqual(order, ClipBatchLoader.ClipOrder(100, options with { Seed = 6 }, 0));
        Assert.Equal(Enumerable.Range(0, 100), order.Order());
        Assert.Equal(Enumerable.Range(0, 100), ClipBatchLoader.ClipOrder(100, options with { Shuffle = false }, 0));
        var batches = Collect(Set, options with { BatchSize = 50 }, 2);
        Assert.Equal(ClipBatchLoader.ClipOrder(Set.Count, options, 2), batches.SelectMany(b => b.Clips));
    }

    [Fact]
    public void Evaluation_clips_repeat_the_face_exactly_and_flip_mirrors_it()
    {
        var options = new ClipLoaderOptions { BatchSize = 4, SequenceLength = 3 };
        var batch = Collect(Set, options, 0)[0];
        var flipped = Collect(Set, options with { FlipInput = true }, 0)[0];
        var norm = InputNormalization.Default;
        for (var clip = 0; clip < 4; clip++)
        {
            var face = Set.Frame(clip, 0);
            for (var t = 0; t < 3; t++)
            {
                var offset = (clip * 3 + t) * FaceImage.FrameBytes;
                for (var i = 0; i < FaceImage.FrameBytes; i++)
                {
                    Assert.Equal(norm.Apply(face[i]), batch.Inputs[offset + i], 1e-5f);
                    var mirror = i / 48 * 48 + 47 - i % 48;
                    Assert.Equal(norm.Apply(face[mirror]), flipped.Inputs[offset + i], 1e-5f);
                }
            }
            Assert.Equal(Set.Label(clip), batch.Labels[clip]);
        }
    }

    [Fact]
    public void Drop_last_leaves_out_the_partial_batch()
    {
        var options = new ClipLoaderOptions { BatchSize = 64, DropLast = true };
        Assert.Equal(3, ClipBatchLoader.BatchCount(Set.Count, options));
        Assert.Equal(3, Collect(Set, options, 0).Count);
    }

    [Fact]
    public void Stopping_early_stops_the_workers()
    {
        var options = new ClipLoaderOptions { BatchSize = 8, Workers = 2, PrefetchBatches = 1, Augmentation = PseudoSequenceOptions.Default };
        foreach (var batch in ClipBatchLoader.Batches(Set, options, 0))
        {
            batch.Dispose();
            break;
        }
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ClipBatchLoader.Batches(Set, options, 0, cancelled.Token).First());
    }

    [Fact]
    public void Invalid_options_are_rejected_by_name()
    {
        var e = Assert.Throws<OptionsException>(() => ClipBatchLoader.Batches(Set, new ClipLoaderOptions { BatchSize = 0 }, 0));
        Assert.Contains("BatchSize", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_set_yields_no_batches()
    {
        Assert.Empty(Collect(FaceClipSet.Empty(ClassSet.Fer7, "empty"), new ClipLoaderOptions(), 0));
    }
}
