namespace EmotionNet.Inference.Analysis;

/// <summary>How far a run has come.</summary>
/// <param name="FramesDone">Frames processed so far.</param>
/// <param name="FramesTotal">Frames that will be processed, when known (files); null for cameras.</param>
/// <param name="FramesPerSecond">Processed frames per second of wall-clock time so far.</param>
/// <param name="FacesInFrame">Faces found in the latest frame.</param>
public sealed record AnalysisProgress(int FramesDone, int? FramesTotal, double FramesPerSecond, int FacesInFrame);
