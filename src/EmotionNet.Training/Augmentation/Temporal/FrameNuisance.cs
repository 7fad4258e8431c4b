namespace EmotionNet.Training.Augmentation.Temporal;

/// <summary>What goes wrong with one frame of a real video: what a temporal model should see through.</summary>
public enum FrameNuisance
{
    /// <summary>A clean frame.</summary>
    None,
    /// <summary>A hand or object over part of the face (a flat black or grey rectangle).</summary>
    Occlusion,
    /// <summary>Motion or focus blur (a box blur of radius 2 or 3).</summary>
    Blur,
    /// <summary>A detector box that jumped: the crop shifted, scaled and rotated well beyond normal jitter.</summary>
    Misalignment,
    /// <summary>A lighting flash or exposure jump: the whole frame 50-90 grey levels brighter or darker.</summary>
    Flicker,
    /// <summary>A dropped frame: the previous frame is shown again (the source repeated it).</summary>
    Repeat,
}
