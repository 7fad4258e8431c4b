namespace EmotionNet.Inference.Batch;

/// <summary>One input of a batch.</summary>
/// <param name="Path">The file (an image or a video) or the folder (an image sequence) to analyze, as found.</param>
/// <param name="Name">Its path relative to the batch's base folder, with '/' separators: what reports show and what the plan is sorted by.</param>
/// <param name="Folder">Its output folder's name under the batch's output folder: <see cref="Name"/> made safe for a file name, unique in the batch.</param>
public sealed record BatchInput(string Path, string Name, string Folder);
