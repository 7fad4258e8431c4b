using EmotionNet.Vision.Faces;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// The first pipeline stage: reads frames (skipping per <see cref="AnalyzerOptions.Every"/>) and has
/// <paramref name="frames"/> detect, track and crop their faces with <paramref name="detector"/> (null with
/// <see cref="AnalyzerOptions.FacesCropped"/>). Runs on its own thread while the model works on the
/// previous frame.
/// </summary>
internal sealed class FaceStage(FrameReader reader, AnalyzerOptions options, FrameAnalyzer frames, IFaceDetector? detector)
{
    private int processed;
    private int index;
    private bool ended;

    /// <summary>The next processed frame, or null at the end of the source or after MaxFrames.</summary>
    public DetectedFrame? Next()
    {
        if (ended || options.MaxFrames is { } max && processed >= max) return null;
        if (processed > 0)
        {
            // Skip to the next frame to process.
            for (var skip = 1; skip < options.Every; skip++, index++)
            {
                if (!reader.Skip()) { ended = true; return null; }
            }
        }
        var skippedBefore = reader.SkippedCount;
        var image = reader.Read(out var time, out var name);
        // Files of a folder skipped as unreadable still take their place: a frame's index is its file's.
        index += reader.SkippedCount - skippedBefore;
        if (image is null) { ended = true; return null; }
        try
        {
            var frame = frames.Locate(image, detector, index, time, name);
            processed++;
            index++;
            return frame;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }
}
