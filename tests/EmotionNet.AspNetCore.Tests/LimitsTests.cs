using System.Net;
using System.Net.Http.Headers;
using EmotionNet.AspNetCore.Inference;
using Microsoft.Extensions.DependencyInjection;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>API key, rate limit, the analysis queue and request timeouts, each on a server of its own.</summary>
public sealed class LimitsTests
{
    private const string Key = "0123456789abcdef-test-key";

    [Fact]
    public async Task With_an_api_key_the_api_and_metrics_need_it_and_health_and_the_page_do_not()
    {
        await using var host = await ServerHost.StartAsync(o => o with { ApiKey = Key });

        using var without = await host.Client.PostAsync("/v1/analyze", Png());
        using var wrong = await Send(host, Png(), "not-the-key-0123456789");
        using var right = await Send(host, Png(), Key);
        using var metrics = await host.Client.GetAsync("/metrics");
        using var health = await host.Client.GetAsync("/healthz");
        using var page = await host.Client.GetAsync("/");
        using var stream = await StreamClient.ConnectAsync(host.Address, "?key=" + Key);
        await stream.SendFrameAsync(TestImages.CameraFrame());

        await ProblemAssert.IsProblem(without, HttpStatusCode.Unauthorized, "X-Api-Key");
        await ProblemAssert.IsProblem(wrong, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("result", (await stream.ReceiveAsync())!.Type);
    }

    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_retry_after()
    {
        await using var host = await ServerHost.StartAsync(o => o with { Limits = o.Limits with { RequestsPerSecond = 1, RateBurst = 2 } });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var response = await host.Client.GetAsync("/v1/videos/0123456789abcdef0123456789abcdef");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }

        Assert.NotNull(refused);
        await ProblemAssert.IsProblem(refused, HttpStatusCode.TooManyRequests, "1 requests per second");
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        refused.Dispose();
    }

    [Fact]
    public async Task When_every_slot_is_taken_and_the_queue_is_full_a_request_gets_503_at_once()
    {
        await using var host = await ServerHost.StartAsync(o => o with { Limits = o.Limits with { MaxConcurrentAnalyses = 1, MaxQueuedRequests = 0 } });
        var engine = host.Services.GetRequiredService<EmotionNetEngine>();

        using (var slot = await engine.Gate.EnterAsync(CancellationToken.None))
        {
            using var busy = await host.Client.PostAsync("/v1/analyze", Png());
            await ProblemAssert.IsProblem(busy, HttpStatusCode.ServiceUnavailable, "waiting");
        }
        using var free = await host.Client.PostAsync("/v1/analyze", Png());
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
    }

    [Fact]
    public async Task A_request_that_waits_past_the_timeout_gets_504()
    {
        await using var host = await ServerHost.StartAsync(o => o with { Limits = o.Limits with { MaxConcurrentAnalyses = 1, MaxQueuedRequests = 4, RequestTimeout = TimeSpan.FromSeconds(1) } });
        var engine = host.Services.GetRequiredService<EmotionNetEngine>();

        using var slot = await engine.Gate.EnterAsync(CancellationToken.None);
        using var response = await host.Client.PostAsync("/v1/analyze", Png());

        await ProblemAssert.IsProblem(response, HttpStatusCode.GatewayTimeout, "1 s");
    }

    [Fact]
    public async Task A_model_that_fails_to_load_makes_readyz_unhealthy_and_the_api_answer_503_while_health_stays_up()
    {
        await using var host = await ServerHost.StartAsync(o => o with { Classifier = () => throw new Core.EmotionNetException("no model here (test)") });
        var engine = host.Services.GetRequiredService<EmotionNetEngine>();
        await Assert.ThrowsAsync<Core.EmotionNetException>(() => engine.ModelReady);

        using var ready = await host.Client.GetAsync("/readyz");
        using var healthy = await host.Client.GetAsync("/healthz");
        using var analyze = await host.Client.PostAsync("/v1/analyze", Png());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        await ProblemAssert.IsProblem(analyze, HttpStatusCode.ServiceUnavailable, "no model here (test)");
    }

    [Fact]
    public void Options_without_a_model_or_with_a_short_key_are_refused_at_start_up_naming_the_field()
    {
        var services = new ServiceCollection();

        var noModel = Assert.Throws<Core.Options.OptionsException>(() => services.AddEmotionNet(new EmotionNetServerOptions()));
        var shortKey = Assert.Throws<Core.Options.OptionsException>(() => services.AddEmotionNet(o => o with { Classifier = () => null!, ApiKey = "short" }));
        var badLimit = Assert.Throws<Core.Options.OptionsException>(() => services.AddEmotionNet(o => o with { Classifier = () => null!, Limits = o.Limits with { MaxStreams = 0 } }));

        Assert.Contains("EmotionNetServerOptions.Classifier", noModel.Message, StringComparison.Ordinal);
        Assert.Contains("EmotionNetServerOptions.ApiKey", shortKey.Message, StringComparison.Ordinal);
        Assert.Contains("EmotionNetLimits.MaxStreams", badLimit.Message, StringComparison.Ordinal);
    }

    private static ByteArrayContent Png()
    {
        var content = new ByteArrayContent(TestImages.TwoFaces());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    private static Task<HttpResponseMessage> Send(ServerHost host, HttpContent content, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/analyze") { Content = content };
        request.Headers.Add("X-Api-Key", key);
        return host.Client.SendAsync(request);
    }
}
