using System.CommandLine;
using EmotionNet.Cli.Serving;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Cli.Tests.Serving;

[Collection("console")]
public class ServeCommandTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://127.0.0.1:5080;http://+:5081")]
    [InlineData("http://[::]:5080")]
    public async Task Listening_beyond_loopback_without_a_key_is_refused_before_anything_listens(string urls)
    {
        var (code, text) = await CliCapture(["serve", "--urls", urls]);

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("without an API key", text, StringComparison.Ordinal);
        Assert.Contains("--api-key", text, StringComparison.Ordinal);
        Assert.Contains("--allow-remote-without-key", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--urls", "ftp://127.0.0.1:21", "is not an http:// or https:// URL")]
    [InlineData("--urls", ";", "at least one URL")]
    [InlineData("--api-key", "short", "at least 16 characters")]
    [InlineData("--max-streams", "0", "--max-streams must be at least 1")]
    [InlineData("--max-video-seconds", "-5", "--max-video-seconds must be positive")]
    [InlineData("--model-instances", "0", "--model-instances must be in [1, 64]")]
    public async Task A_bad_flag_is_a_usage_error_naming_it(string flag, string value, string message)
    {
        var (code, text) = await CliCapture(["serve", flag, value]);

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains(message, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_already_in_use_is_a_failure_naming_the_address_not_a_crash()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";

        var (code, text) = await CliCapture(["serve", "--urls", url], TimeSpan.FromMinutes(2));

        Assert.Equal(CliApp.Failure, code);
        Assert.Contains($"Could not listen on {url}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.0.0.2:0", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("https://[::1]:5443/", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://example.com:5080", false)]
    public void Only_localhost_127_0_0_0_8_and_ipv6_loopback_count_as_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));

    [Theory]
    [InlineData(new string[0], FaceDetectorKind.YuNet)]
    [InlineData(new[] { "--detector", "haar" }, FaceDetectorKind.Haar)]
    public void The_detector_flag_sets_the_one_detector_images_streams_and_video_jobs_use(string[] args, FaceDetectorKind kind)
    {
        var flags = new ServeFlags();
        var serve = new Command("serve");
        flags.AddTo(serve);
        var parse = new RootCommand { serve }.Parse(["serve", .. args]);
        Assert.Empty(parse.Errors);

        Assert.Equal(kind, ServeSettings.Parse(parse, flags).Server.Analyzer.Detector.Kind);
    }

    private static Task<(int ExitCode, string Text)> CliCapture(string[] args, TimeSpan? limit = null) => EmotionNet.TestSupport.Cli.CliCapture.RunAsync(args, limit);
}
