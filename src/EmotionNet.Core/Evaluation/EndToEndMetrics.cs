namespace EmotionNet.Core.Evaluation;

/// <summary>One class of <see cref="EndToEndMetrics"/>.</summary>
/// <param name="Name">Class name.</param>
/// <param name="Photos">Labelled photos of this class: those whose face was found and those whose face was not.</param>
/// <param name="FacesNotFound">Photos of this class in which no face was found.</param>
/// <param name="Correct">Photos of this class whose face was found and classified as this class.</param>
/// <param name="Recall"><paramref name="Correct"/> / <paramref name="Photos"/>; null when the data has no photo of this class.</param>
public sealed record EndToEndClass(string Name, long Photos, long FacesNotFound, long Correct, double? Recall);

/// <summary>
/// Scores of the whole pipeline (find the face, then classify it) over every labelled photo, a photo
/// whose face was not found counting as wrong. The <see cref="ClassificationMetrics"/> of the same run
/// score the faces found only.
/// </summary>
/// <param name="Photos">Labelled photos: faces found plus faces not found.</param>
/// <param name="FacesNotFound">Photos in which no face was found.</param>
/// <param name="Accuracy">Share of all photos classified correctly.</param>
/// <param name="MacroRecall">Unweighted mean of the per-class recall over the classes the data has photos of.</param>
/// <param name="PerClass">Per class, in class-index order.</param>
public sealed record EndToEndMetrics(long Photos, long FacesNotFound, double Accuracy, double MacroRecall, IReadOnlyList<EndToEndClass> PerClass)
{
    /// <summary>Combines the scores of the faces found with how many photos of each class had none.</summary>
    /// <param name="found">The scores of the photos whose face was found.</param>
    /// <param name="notFoundPerClass">Photos without a face found, per class index (as many as <paramref name="found"/> has classes).</param>
    public static EndToEndMetrics From(ClassificationMetrics found, IReadOnlyList<long> notFoundPerClass)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(notFoundPerClass);
        var n = found.ClassNames.Count;
        if (notFoundPerClass.Count != n)
            throw new ArgumentException($"Expected {n} per-class counts, got {notFoundPerClass.Count}.", nameof(notFoundPerClass));
        var perClass = new EndToEndClass[n];
        long correct = 0, photos = 0;
        for (var c = 0; c < n; c++)
        {
            var classPhotos = found.PerClass[c].Support + notFoundPerClass[c];
            var classCorrect = found.Confusion[c][c];
            perClass[c] = new EndToEndClass(found.ClassNames[c], classPhotos, notFoundPerClass[c], classCorrect,
                classPhotos == 0 ? null : (double)classCorrect / classPhotos);
            correct += classCorrect;
            photos += classPhotos;
        }
        var recalls = perClass.Where(c => c.Recall is not null).Select(c => c.Recall!.Value).ToArray();
        return new EndToEndMetrics(photos, notFoundPerClass.Sum(), photos == 0 ? 0 : (double)correct / photos,
            recalls.Length == 0 ? 0 : recalls.Average(), perClass);
    }
}
