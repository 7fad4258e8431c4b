using EmotionNet.Models;
using EmotionNet.Runtime;

namespace EmotionNet.Cli.Commands;

/// <summary>Loads the classifier for 'analyze' from --checkpoint (null: the shipped model). A seam so tests can pass a fake.</summary>
internal delegate IEmotionClassifier ClassifierLoader(string? checkpointPath, DeviceKind device);

/// <summary>The loader used by the real command line.</summary>
internal static class Classifiers
{
    /// <summary>
    /// Loads <paramref name="checkpointPath"/>, or the shipped model when it is null; without either,
    /// fails with a message that says how to get a model.
    /// </summary>
    public static IEmotionClassifier Load(string? checkpointPath, DeviceKind device) =>
        checkpointPath is null ? EmotionClassifier.LoadShipped(device) : EmotionClassifier.Load(checkpointPath, device);
}
