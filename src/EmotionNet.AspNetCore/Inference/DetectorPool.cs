using EmotionNet.Vision.Faces;
using Microsoft.Extensions.ObjectPool;

namespace EmotionNet.AspNetCore.Inference;

/// <summary>
/// Face detectors lent one per analysis. A YuNet detector reuses its working images and result buffer and
/// keeps one OpenCV network per input size; shared by 4 threads it gave wrong boxes in 170 of 200 calls
/// (docs/serving.md), so each analysis takes its own. At most as many are kept as analyses may run at
/// once; the rest are disposed when returned.
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
