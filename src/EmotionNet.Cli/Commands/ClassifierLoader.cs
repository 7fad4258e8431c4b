using EmotionNet.Models;
using EmotionNet.Runtime;

namespace EmotionNet.Cli.Commands;

/// <summary>Loads the classifier for 'analyze' from --checkpoint (null: the shipped model). A seam so tests can pass a fake.</summary>
internal delegate IEmotionClassifier ClassifierLoader(string? checkpointPath, DeviceKind device);

/// <summary>The loader used by the real command line.</summary>
internal static class Classifiers
{
    public const string NoModelMessage = "No model: pass --checkpoint <file> or train one with 'emotionnet train'.";

    public static IEmotionClassifier Load(string? checkpointPath, DeviceKind device)
    {
        // The checkpoint loader (EmotionNet.Models.EmotionClassifier) and the shipped model are being
        // added to Core separately; until they land this build has no model to load.
        if (checkpointPath is null) throw new EmotionNetException(NoModelMessage);
        if (!File.Exists(checkpointPath)) throw new EmotionNetException($"Checkpoint '{checkpointPath}' does not exist.");
        throw new EmotionNetException($"Cannot load checkpoint '{checkpointPath}' (device {device}): this build has no checkpoint loader yet (EmotionNet.Models.EmotionClassifier).");
    }
}
