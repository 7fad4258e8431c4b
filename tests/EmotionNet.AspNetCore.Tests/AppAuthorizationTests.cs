using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>The application's own authorization on the <c>/v1</c> group that <c>MapEmotionNet()</c> returns.</summary>
public sealed class AppAuthorizationTests
{
    [Fact]
    public async Task RequireAuthorization_on_the_returned_group_guards_the_api_and_leaves_health_open()
    {
        await using var host = await ServerHost.StartAsync(application: (
            s =>
            {
                s.AddAuthentication(UserHeaderHandler.Name).AddScheme<AuthenticationSchemeOptions, UserHeaderHandler>(UserHeaderHandler.Name, null);
                s.AddAuthorization(o => o.AddPolicy("emotions", p => p.RequireAuthenticatedUser()));
            },
            (_, api) => api.RequireAuthorization("emotions")));

        using var anonymous = await host.Client.PostAsync("/v1/analyze", Png());
        using var signedIn = new HttpRequestMessage(HttpMethod.Post, "/v1/analyze") { Content = Png() };
        signedIn.Headers.Add(UserHeaderHandler.Header, "alice");
        using var user = await host.Client.SendAsync(signedIn);
        using var health = await host.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static ByteArrayContent Png()
    {
        var content = new ByteArrayContent(TestImages.TwoFaces());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    /// <summary>A stand-in for an application's sign-in: the user named in a header, or nobody.</summary>
    private sealed class UserHeaderHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "user-header";

        public const string Header = "X-Test-User";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var name)) return Task.FromResult(AuthenticateResult.NoResult());
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name.ToString())], Name);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
        }
    }
}
