using EmotionNet.Vision.Faces;
using Microsoft.Extensions.ObjectPool;

namespace EmotionNet.AspNetCore.Inference;

/// <summary>
/// Face detectors lent one per analysis. OpenCV's FaceDetectorYN keeps per-call state (its input size)
/// and is not safe to call from two threads at once, so each analysis takes its own; at most as many
/// are kept as analyses may run at once, and the rest are disposed when returned.
/// </summary>
internal sealed class DetectorPool(DetectorOptions options, int retained) : IDisposable
{
    private readonly ObjectPool<IFaceDetector> pool = new DefaultObjectPoolProvider { MaximumRetained = retained }.Create(new Policy(options));

    public IFaceDetector Rent() => pool.Get();

    public void Return(IFaceDetector detector) => pool.Return(detector);

    public void Dispose() => (pool as IDisposable)?.Dispose();

    private sealed class Policy(DetectorOptions options) : IPooledObjectPolicy<IFaceDetector>
    {
        public IFaceDetector Create() => FaceDetectors.Create(options);

        public bool Return(IFaceDetector obj) => true;
    }
}
