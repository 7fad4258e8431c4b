using EmotionNet.Core;
using System.Collections.Concurrent;
using EmotionNet.Core.Classifiers;

namespace EmotionNet.AspNetCore.Inference;

/// <summary>
/// The classifier instances the server owns, each lent to one call at a time. Created at start-up on a
/// background thread (loading a model takes a second or more); <see cref="Ready"/> completes when they
/// are loaded and faults when the factory fails, which /readyz reports.
/// </summary>
internal sealed class ClassifierPool : IDisposable
{
    private readonly ConcurrentBag<IEmotionClassifier> idle = [];
    private readonly SemaphoreSlim available = new(0);
    private readonly List<IEmotionClassifier> all = [];
    private readonly Task<IEmotionClassifier> ready;

    public ClassifierPool(Func<IEmotionClassifier> factory, int instances)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ready = Task.Run(() => Load(factory, instances));
    }

    /// <summary>Completes with the first instance (what every instance is: classes, sequence length) once all are loaded.</summary>
    public Task<IEmotionClassifier> Ready => ready;

    /// <summary>Whether every instance is loaded.</summary>
    public bool IsReady => ready.IsCompletedSuccessfully;

    private IEmotionClassifier Load(Func<IEmotionClassifier> factory, int instances)
    {
        for (var i = 0; i < instances; i++)
        {
            var classifier = factory() ?? throw new EmotionNetException("EmotionNetServerOptions.Classifier returned null.");
            lock (all) all.Add(classifier);
            idle.Add(classifier);
            available.Release();
        }
        lock (all) return all[0];
    }

    /// <summary>Runs <paramref name="call"/> on a free instance, waiting for one when all are busy.</summary>
    public T Run<T>(Func<IEmotionClassifier, T> call)
    {
        // A synchronous wait, as the model call itself is synchronous CPU work; the analysis gate bounds the
        // threads that can wait here to MaxConcurrentAnalyses plus the video workers.
        available.Wait();
        IEmotionClassifier? classifier = null;
        try
        {
            if (!idle.TryTake(out classifier)) throw new InvalidOperationException("The classifier pool lost an instance.");
            return call(classifier);
        }
        finally
        {
            if (classifier is not null) idle.Add(classifier);
            available.Release();
        }
    }

    public void Dispose()
    {
        lock (all)
        {
            foreach (var classifier in all) (classifier as IDisposable)?.Dispose();
            all.Clear();
        }
        available.Dispose();
    }
}
