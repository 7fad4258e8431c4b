using EmotionNet.AspNetCore.Inference;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmotionNet.AspNetCore.Api;

/// <summary>Waits for the model to load (a request that arrives during start-up waits rather than fails) and refuses when it could not be.</summary>
internal static class ModelGate
{
    public static async Task<ProblemHttpResult?> NotReadyAsync(EmotionNetEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            await engine.ModelReady.WaitAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Problems.NotReady($"The model could not be loaded: {e.Message}");
        }
    }
}
