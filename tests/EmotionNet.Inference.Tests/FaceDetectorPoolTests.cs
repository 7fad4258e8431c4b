using EmotionNet.Core.Options;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

namespace EmotionNet.Inference.Tests;

public class FaceDetectorPoolTests
{
    [Fact]
    public void A_returned_detector_is_lent_again_and_two_renters_get_two()
    {
        using var pool = new FaceDetectorPool();
        var first = pool.Rent();
        var second = pool.Rent();
        Assert.NotSame(first, second);
        pool.Return(first);

        Assert.Same(first, pool.Rent());
        Assert.IsType<YuNetFaceDetector>(first);
        pool.Return(first);
        pool.Return(second);
    }

    [Fact]
    public void Past_the_cap_and_after_disposal_returned_detectors_are_disposed()
    {
        var pool = new FaceDetectorPool(null, maxRetained: 1, _ => new CountingDetector());
        var kept = (CountingDetector)pool.Rent();
        var extra = (CountingDetector)pool.Rent();
        var late = (CountingDetector)pool.Rent();
        pool.Return(kept);
        pool.Return(extra); // over the cap of 1

        Assert.Equal((0, 1), (kept.Disposals, extra.Disposals));
        pool.Dispose();
        Assert.Equal(1, kept.Disposals);
        Assert.Equal(0, late.Disposals);
        pool.Return(late); // rented before the disposal
        Assert.Equal(1, late.Disposals);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    private sealed class CountingDetector : IFaceDetector
    {
        public int Disposals { get; private set; }

        public IReadOnlyList<FaceBox> Detect(Mat frame) => [];

        public void Dispose() => Disposals++;
    }

    [Fact]
    public void Options_are_checked_when_the_pool_is_made()
    {
        var e = Assert.Throws<OptionsException>(() => new FaceDetectorPool(DetectorOptions.Default with { WorkingSize = 8 }));
        Assert.Contains("WorkingSize", e.Message, StringComparison.Ordinal);
    }
}
