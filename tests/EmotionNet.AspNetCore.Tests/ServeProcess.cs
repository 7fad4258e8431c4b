using System.Diagnostics;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>The real <c>emotionnet serve</c> in a process of its own (so that a test can SIGKILL it), on a free loopback port.</summary>
public sealed class ServeProcess : IDisposable
{
    /// <summary>What 'serve' prints before its address once it listens (ListeningLine).</summary>
    private const string ListeningLine = "EmotionNet is listening on ";

    private readonly Process process;

    private ServeProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public bool HasExited => process.HasExited;

    public static async Task<ServeProcess> StartAsync(string jobsDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "emotionnet.dll"), "serve", "--urls", "http://127.0.0.1:0", "--jobs", jobsDirectory, "--device", "cpu" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ListeningLine, StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(); // keep draining
                return new ServeProcess(process, new Uri(line[ListeningLine.Length..]));
            }
        }
        throw new InvalidOperationException($"emotionnet serve exited ({process.ExitCode}) before it listened.");
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an out-of-memory kill.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!process.HasExited) Kill();
        process.Dispose();
    }
}
