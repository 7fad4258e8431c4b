namespace EmotionNet.TestSupport;

/// <summary>The repository the running test assembly was built from.</summary>
public static class Repository
{
    /// <summary>The folder holding EmotionNet.sln, found upwards from the test's build output.</summary>
    public static string Root { get; } = Find();

    /// <summary><paramref name="relative"/> (forward slashes) under <see cref="Root"/>.</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "EmotionNet.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No EmotionNet.sln above '{AppContext.BaseDirectory}': these tests run from the repository's build output.");
    }
}
