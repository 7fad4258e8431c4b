using System.Net.Sockets;
using System.Text;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>
/// An upload over a plain socket that keeps sending after the server has answered, as a careless
/// client does, and then reads the answer; HttpClient gives up with "broken pipe" when the server refuses mid-body.
/// </summary>
public static class RawHttp
{
    /// <summary>The status code and body of the answer to a POST of <paramref name="totalBytes"/> bytes, chunked or with its Content-Length.</summary>
    public static async Task<(int Status, string Body)> PostAsync(Uri server, string path, string contentType, long totalBytes, bool chunked)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: {contentType}\r\n{(chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {totalBytes}")}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var chunk = new byte[64 * 1024];
        try
        {
            for (long sent = 0; sent < totalBytes; sent += chunk.Length)
            {
                var size = (int)Math.Min(chunk.Length, totalBytes - sent);
                if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:X}\r\n"));
                await stream.WriteAsync(chunk.AsMemory(0, size));
                if (chunked) await stream.WriteAsync("\r\n"u8.ToArray());
            }
            if (chunked) await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The server answered and closed: read what it said.
        }
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }
}
