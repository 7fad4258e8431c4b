namespace EmotionNet.Fuzz;

/// <summary>A scratch folder of this fuzzing process (removed at exit), for targets whose readers take paths.</summary>
internal static class FuzzFolder
{
    private static string? root;

    public static string Root
    {
        get
        {
            if (root is not null) return root;
            root = Directory.CreateTempSubdirectory("emotionnet-fuzz-").FullName;
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { Directory.Delete(root, recursive: true); } catch (IOException) { }
            };
            return root;
        }
    }
}
