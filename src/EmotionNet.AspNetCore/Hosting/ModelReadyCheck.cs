using EmotionNet.AspNetCore.Inference;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmotionNet.AspNetCore.Hosting;

/// <summary>/readyz: ready once the model is loaded; unhealthy, with the reason, when it could not be.</summary>
internal sealed class ModelReadyCheck(EmotionNetEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ready = engine.ModelReady;
        return Task.FromResult(ready.Status switch
        {
            TaskStatus.RanToCompletion => HealthCheckResult.Healthy("The model is loaded."),
            TaskStatus.Faulted => HealthCheckResult.Unhealthy($"The model could not be loaded: {ready.Exception?.GetBaseException().Message}"),
            _ => HealthCheckResult.Unhealthy("The model is loading."),
        });
    }
}
