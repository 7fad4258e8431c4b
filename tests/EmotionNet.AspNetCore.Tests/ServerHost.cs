using EmotionNet.OnnxRuntime;
using EmotionNet.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>The real server (Kestrel on 127.0.0.1, a free port) with the shipped model on ONNX Runtime and a jobs folder of its own.</summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TempFolder? ownJobs;

    private ServerHost(WebApplication app, Uri address, TempFolder? ownJobs, string jobs)
    {
        this.app = app;
        this.ownJobs = ownJobs;
        Address = address;
        JobsDirectory = jobs;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri Address { get; }

    public string JobsDirectory { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>
    /// Starts a server; <paramref name="configure"/> changes the options (the model and jobs folder are set first),
    /// <paramref name="application"/> adds the application's own services and endpoints beside EmotionNet's (given the
    /// app and the <c>/v1</c> group that <c>MapEmotionNet()</c> returned).
    /// </summary>
    public static async Task<ServerHost> StartAsync(Func<EmotionNetServerOptions, EmotionNetServerOptions>? configure = null, string? jobsDirectory = null,
        (Action<IServiceCollection> Services, Action<WebApplication, RouteGroupBuilder> Endpoints)? application = null)
    {
        var own = jobsDirectory is null ? new TempFolder() : null;
        var jobs = jobsDirectory ?? own!.Path;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var options = new EmotionNetServerOptions { Classifier = () => OnnxEmotionClassifier.LoadShipped(), JobsDirectory = jobs };
        builder.Services.AddEmotionNet(configure is null ? options : configure(options));
        application?.Services(builder.Services);
        var app = builder.Build();
        var api = app.MapEmotionNet();
        application?.Endpoints(app, api);
        await app.StartAsync();
        return new ServerHost(app, new Uri(app.Urls.First()), own, jobs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        ownJobs?.Dispose();
    }
}
