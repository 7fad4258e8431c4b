using System.Net;

namespace EmotionNet.Cli.Serving;

/// <summary>What <c>--urls</c> says: the addresses to listen on, and whether any reaches beyond this machine.</summary>
internal static class ListenAddresses
{
    /// <summary>The URLs of <paramref name="value"/> (';'-separated), or a <see cref="UsageException"/> naming the first that is not an http(s) URL.</summary>
    public static string[] Parse(string value)
    {
        var urls = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0) throw new UsageException("--urls must name at least one URL, e.g. http://127.0.0.1:5080.");
        foreach (var url in urls)
        {
            if (!(url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) || Host(url).Length == 0)
                throw new UsageException($"--urls: '{url}' is not an http:// or https:// URL with a host, e.g. http://127.0.0.1:5080.");
        }
        return urls;
    }

    /// <summary>Whether <paramref name="url"/> listens on loopback only: localhost, 127.0.0.0/8 or [::1]. Wildcards (*, +, 0.0.0.0, [::]) and other addresses do not.</summary>
    public static bool IsLoopback(string url)
    {
        var host = Host(url);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static string Host(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var end = rest.IndexOf('/');
        if (end >= 0) rest = rest[..end];
        if (rest.StartsWith('[')) return rest[..(rest.IndexOf(']') + 1)];
        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }
}
