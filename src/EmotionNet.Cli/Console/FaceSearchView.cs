using System.Globalization;
using EmotionNet.Core.Evaluation;
using EmotionNet.Inference.Analysis;

namespace EmotionNet.Cli.Console;

/// <summary>What evaluate says about the faces of a folder of photos: how they were found, how many were not, and the end-to-end score.</summary>
internal static class FaceSearchView
{
    /// <summary>The search in one line, and where the photos without a face are listed.</summary>
    public static void ShowSearch(PhotoFaceDecoder decoder, int facesScored, int notFound, string noFaceList)
    {
        var whole = decoder.ImagesTakenWhole > 0 ? Invariant($"; {decoder.ImagesTakenWhole} 48x48 image(s) taken whole as face crops") : "";
        Output.Info(Invariant($"Faces: {decoder.ImagesSearched} image(s) searched ({decoder.Method}){whole}."));
        var line = Invariant($"No face found in {notFound} photo(s) of the split scored; all are listed in {noFaceList}. ") +
                   Invariant($"Accuracy below is over the {facesScored} face(s) found; the end-to-end line counts the {notFound} as wrong.");
        if (notFound > 0) Output.Warn(line);
        else Output.Info(Invariant($"A face was found in every photo of the split scored ({noFaceList} lists none)."));
    }

    /// <summary>The end-to-end line for stdout, next to the accuracy line.</summary>
    public static string EndToEndLine(string split, EndToEndMetrics endToEnd)
    {
        var present = endToEnd.PerClass.Count(c => c.Recall is not null);
        return Invariant($"{split} end-to-end accuracy: {endToEnd.Accuracy * 100:F2}% of all {endToEnd.Photos} photos, the {endToEnd.FacesNotFound} without a face found counted as wrong; ") +
               Invariant($"mean class recall {endToEnd.MacroRecall * 100:F2}% over the {present} class{(present == 1 ? "" : "es")} with photos");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
