namespace EmotionNet.Checkpoints;

/// <summary>The model that ships with EmotionNet (copied next to the assemblies that use it).</summary>
public static class ShippedModel
{
    /// <summary>File name of the shipped checkpoint.</summary>
    public const string FileName = "emotionnet-fer7.ckpt";

    /// <summary>Path of the shipped checkpoint, or null where none ships with this build.</summary>
    public static string? Path
    {
        get
        {
            var path = System.IO.Path.Combine(AppContext.BaseDirectory, "checkpoints", FileName);
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>The shipped checkpoint's path, or an error that says how to get a model.</summary>
    public static string RequirePath() => Path ?? throw new EmotionNetException(
        "No model: this build ships no trained checkpoint yet. Pass --checkpoint <file>, or train one with 'emotionnet train'.");
}
