using System.Globalization;
using EmotionNet.TestSupport;

namespace EmotionNet.Packaging.Tests;

/// <summary>
/// Packs every EmotionNet library and the EmotionNet.Cli tool once, into a temporary
/// folder feed, under a version no earlier run used (so NuGet's global cache can never answer with a
/// stale package). Disposing deletes the feed and every such test version from the global cache.
/// The solution must already be built in this configuration ('./build.sh test' builds it first).
/// </summary>
public sealed class PackagedFeed : IDisposable
{
    /// <summary>Test versions are 0.1.0-ci.&lt;UTC time&gt;.&lt;random&gt;; nothing else uses that prerelease label.</summary>
    private const string VersionPrefix = "0.1.0-ci.";

    public const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static readonly string[] Libraries = ["EmotionNet.Core", "EmotionNet.Torch", "EmotionNet.Vision", "EmotionNet.Training", "EmotionNet.Inference", "EmotionNet.Plotting", "EmotionNet.Samples", "EmotionNet.Onnx", "EmotionNet.OnnxRuntime", "EmotionNet.AspNetCore"];

    public PackagedFeed()
    {
        Version = VersionPrefix + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Random.Shared.Next(1, 100_000).ToString(CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Feed);
        // An empty Directory.Build.props/targets stops MSBuild's upward search, so the consumer
        // projects under Root see no build settings but their own, as on a user's machine.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        try
        {
            foreach (var library in Libraries)
                ProcessRunner.RunChecked(ProcessRunner.Dotnet, ["pack", Project(library), "-c", Configuration, "--no-build", "-o", Feed, $"-p:PackageVersion={Version}", "-nologo"],
                    RepositoryRoot, TimeSpan.FromMinutes(5));
            // The tool's platform packages (linux-x64, win-x64, osx-arm64) are RID-specific publishes, which the
            // solution build does not make: this builds those outputs, against the libraries already built.
            ProcessRunner.RunChecked(ProcessRunner.Dotnet, ["pack", Project("EmotionNet.Cli"), "-c", Configuration, "-o", Feed, $"-p:PackageVersion={Version}", "-p:BuildProjectReferences=false", "-nologo"],
                RepositoryRoot, TimeSpan.FromMinutes(15));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The version every package of this run carries.</summary>
    public string Version { get; }

    /// <summary>A private temporary folder for the feed, consumer projects and tool installs.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("emotionnet-packaging-").FullName;

    /// <summary>The local folder feed.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The repository this test assembly was built from.</summary>
    public static string RepositoryRoot => Repository.Root;

    /// <summary>Path of a package file in the feed, e.g. ("EmotionNet.Core", ".nupkg").</summary>
    public string PackageFile(string id, string extension = ".nupkg") => Path.Combine(Feed, $"{id}.{Version}{extension}");

    /// <summary>A fresh folder under <see cref="Root"/>.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        // Restores put the test versions in the global packages folder; they are large (the tool) and never used again.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (!Directory.Exists(cache)) return;
        // Only this run's version: another run on the same machine may be using its own right now.
        foreach (var package in Directory.EnumerateDirectories(cache, "emotionnet.*"))
        {
            var version = Path.Combine(package, Version.ToLowerInvariant());
            try
            {
                if (Directory.Exists(version)) Directory.Delete(version, recursive: true);
                if (!Directory.EnumerateFileSystemEntries(package).Any()) Directory.Delete(package);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static string Project(string name) => Path.Combine(RepositoryRoot, "src", name, name + ".csproj");
}

/// <summary>The tests that share one packed feed; they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class PackagedFeedGroup : ICollectionFixture<PackagedFeed>
{
    public const string Name = "packages";
}
