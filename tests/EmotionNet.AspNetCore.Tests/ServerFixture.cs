namespace EmotionNet.AspNetCore.Tests;

/// <summary>One server with the default options, shared by a test class (loading the model once).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private ServerHost? host;

    public ServerHost Host => host ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => host = await ServerHost.StartAsync(o => o with { ClassifierInstances = 2 });

    public async Task DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
    }
}
