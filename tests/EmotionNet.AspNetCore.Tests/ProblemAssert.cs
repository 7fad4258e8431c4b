using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>Checks that a refusal is an RFC 9457 problem with the expected status and a detail that says why.</summary>
public static class ProblemAssert
{
    public static async Task<ProblemDetails> IsProblem(HttpResponseMessage response, HttpStatusCode status, params string[] detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.NotNull(problem);
        Assert.Equal((int)status, problem.Status);
        foreach (var fragment in detailContains) Assert.Contains(fragment, problem.Detail ?? "", StringComparison.OrdinalIgnoreCase);
        return problem;
    }
}
