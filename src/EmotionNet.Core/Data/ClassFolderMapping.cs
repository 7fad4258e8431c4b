using EmotionNet.Core.Emotions;

namespace EmotionNet.Core.Data;

/// <summary>
/// One class folder of a folder data set and what reading it made of it: the class its name maps to,
/// or why it was left out. <see cref="DataLoadReport.ClassFolders"/> holds one per folder, so a caller
/// can show the mapping actually used (<c>anger -&gt; Angry (123 images)</c>) and what was dropped.
/// </summary>
/// <param name="Folder">The folder's path under the data set root, '/'-separated: <c>anger</c>, or <c>train/anger</c> under a split folder.</param>
/// <param name="Emotion">The emotion its name maps to (<see cref="ClassSet.TryParseEmotion"/>: case-insensitive, with synonyms), or null when it names none (<c>contempt</c>).</param>
/// <param name="ClassName">The class of the class set its clips were read as, or null when it was skipped.</param>
/// <param name="Images">Image files found in it, its clip folders' frames included (counted before decoding, so unreadable ones count).</param>
/// <param name="Clips">Clips found in it: its images plus its clip folders that hold images.</param>
/// <param name="Skipped">Why the folder was left out (no emotion of FER2013, or one the class set leaves out), or null when its clips were read.</param>
public sealed record ClassFolderMapping(string Folder, Emotion? Emotion, string? ClassName, int Images, int Clips, string? Skipped)
{
    /// <summary>True when the folder's clips were read as <see cref="ClassName"/>.</summary>
    public bool IsMapped => Skipped is null;
}
