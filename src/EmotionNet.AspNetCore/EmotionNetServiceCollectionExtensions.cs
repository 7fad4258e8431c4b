using EmotionNet.AspNetCore.Hosting;
using EmotionNet.AspNetCore.Inference;
using EmotionNet.AspNetCore.Jobs;
using EmotionNet.AspNetCore.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace EmotionNet.AspNetCore;

/// <summary>Registers EmotionNet's services: <c>builder.Services.AddEmotionNet(options)</c>, then <c>app.MapEmotionNet()</c>.</summary>
public static class EmotionNetServiceCollectionExtensions
{
    /// <summary>The request-timeout policy the HTTP endpoints use.</summary>
    internal const string TimeoutPolicy = "emotionnet";

    /// <summary>
    /// Adds the model, the detector pool, the video-job worker, the rate-limit and timeout policies, health
    /// checks, the OpenAPI document and (with <see cref="EmotionNetServerOptions.Metrics"/>) the Prometheus
    /// exporter. <paramref name="options"/> are validated here, so a bad option stops the application before it listens.
    /// The model loads in the background from start-up; /readyz says when it is loaded.
    /// </summary>
    /// <exception cref="EmotionNet.Core.Options.OptionsException">An option is missing or out of range.</exception>
    public static IServiceCollection AddEmotionNet(this IServiceCollection services, EmotionNetServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton<IOptions<EmotionNetServerOptions>>(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(_ => new EmotionNetEngine(options));
        services.AddSingleton(_ => new JobStore(options.EffectiveJobsDirectory));
        services.AddSingleton<VideoJobService>();
        services.AddHostedService(sp => sp.GetRequiredService<VideoJobService>());
        services.AddHostedService<ModelLoader>();
        services.AddSingleton(sp => new EmotionNetMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            () => sp.GetRequiredService<EmotionNetEngine>().Gate.QueueDepth, () => sp.GetRequiredService<VideoJobService>().Active));

        services.AddProblemDetails();
        services.AddRateLimiter(o => o.AddPolicy(ClientRateLimitPolicy.Name, new ClientRateLimitPolicy(options.Limits)));
        services.AddRequestTimeouts(o => o.AddPolicy(TimeoutPolicy, new RequestTimeoutPolicy
        {
            Timeout = options.Limits.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = context => Api.Problems.WriteAsync(context, StatusCodes.Status504GatewayTimeout, "Request timed out",
                $"The request took longer than this server's limit of {options.Limits.RequestTimeout.TotalSeconds:F0} s."),
        }));
        services.AddHealthChecks().AddCheck<ModelReadyCheck>("model", HealthStatus.Unhealthy, ["ready"]);
        // EmotionNet's endpoints and only those (an application's own endpoints have no group name or their own).
        services.AddOpenApi(EmotionNetEndpointRouteBuilderExtensions.DocumentName,
            o => o.ShouldInclude = d => d.GroupName == EmotionNetEndpointRouteBuilderExtensions.DocumentName);
        if (options.AllowedOrigins.Count > 0)
            services.AddCors(o => o.AddPolicy(EmotionNetEndpointRouteBuilderExtensions.CorsPolicy, p => p.WithOrigins([.. options.AllowedOrigins]).AllowAnyHeader().WithMethods("GET", "POST")));
        if (options.Metrics)
        {
            services.AddOpenTelemetry().WithMetrics(m => m
                .AddMeter(EmotionNetMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting")
                .AddPrometheusExporter());
        }
        return services;
    }

    /// <summary><see cref="AddEmotionNet(IServiceCollection, EmotionNetServerOptions)"/> with the defaults changed by <paramref name="configure"/>.</summary>
    public static IServiceCollection AddEmotionNet(this IServiceCollection services, Func<EmotionNetServerOptions, EmotionNetServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddEmotionNet(configure(new EmotionNetServerOptions()));
    }

    /// <summary>Starts loading the model when the application starts, without holding the start up.</summary>
    private sealed class ModelLoader(EmotionNetEngine engine) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = engine.ModelReady; // created with the engine: resolving it started the load
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
