using EmotionNet.TestSupport;
using Microsoft.Playwright;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>
/// The page in Debian's Chromium, headless, driven by Playwright: a photo, the camera (a fake camera playing a
/// real face) over the WebSocket, and a video job. Set EMOTIONNET_UPDATE_DOCS=1 to refresh docs/images/serve-page.png.
/// </summary>
[Trait("Category", "Slow")]
public sealed class BrowserTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_page_shows_a_photos_faces_a_live_camera_with_box_label_and_moving_timeline_and_a_video_jobs_files()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run eng/install-browser.sh (apt-get install chromium).");
        using var folder = new TempFolder();
        var camera = FakeCamera.Write(folder.File("face.y4m"));
        File.WriteAllBytes(folder.File("two-faces.png"), TestImages.TwoFaces());
        var video = TestVideos.Write(folder.File("walk.mp4"), 20);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + camera,
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var outside = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(server.Host.Address.ToString().TrimEnd('/'), StringComparison.Ordinal) && !r.Url.StartsWith("blob:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) outside.Add(r.Url); };

        await page.GotoAsync(server.Host.Address.ToString());
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("model ready");

        // A photo: both faces get a card with bars.
        await page.Locator("#photo-input").SetInputFilesAsync(folder.File("two-faces.png"));
        await Assertions.Expect(page.Locator("#photo-faces .face-card")).ToHaveCountAsync(2);

        // The camera: a box with a label on the face, and the timeline moves on.
        await page.Locator("#camera-button").ClickAsync();
        var box = page.Locator("#overlay .face-box").First;
        await box.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 120_000 });
        var label = await box.Locator(".face-label").TextContentAsync();
        Assert.Matches(@"^\d+ (Angry|Disgust|Fear|Happy|Sad|Surprise|Neutral) \d+%$", label);
        var frames = int.Parse(await page.Locator("#timeline").GetAttributeAsync("data-frames") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await page.WaitForFunctionAsync($"() => Number(document.getElementById('timeline').dataset.frames) >= {frames + 10}", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        // The box is drawn over the face at its size on screen (the overlay is redrawn with every result).
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#overlay .face-box')].some(b => b.offsetWidth > 50 && b.offsetHeight > 50)");

        // A video: upload, progress, then its files as links.
        await page.Locator("#video-input").SetInputFilesAsync(video);
        await page.Locator("#video-button").ClickAsync();
        await Assertions.Expect(page.Locator("#video-files a")).ToHaveCountAsync(6, new LocatorAssertionsToHaveCountOptions { Timeout = 120_000 });
        var href = await page.Locator("#video-files a", new PageLocatorOptions { HasText = "frames.csv" }).GetAttributeAsync("href");
        Assert.Matches("^/v1/videos/[0-9a-f]{32}/files/frames.csv$", href);

        var shot = folder.File("serve-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        if (Environment.GetEnvironmentVariable("EMOTIONNET_UPDATE_DOCS") == "1") File.Copy(shot, Repository.Path("docs/images/serve-page.png"), overwrite: true);
        await page.Locator("#camera-button").ClickAsync();

        Assert.Empty(errors);
        Assert.Empty(outside);
    }
}
