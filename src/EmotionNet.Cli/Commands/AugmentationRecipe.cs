namespace EmotionNet.Cli.Commands;

/// <summary>The augmentation recipes <c>--augment</c> names (<see cref="Training.Augmentation.PseudoSequenceOptions"/>'s presets).</summary>
internal enum AugmentationRecipe
{
    /// <summary><see cref="Training.Augmentation.PseudoSequenceOptions.Default"/>.</summary>
    Fer2013,

    /// <summary><see cref="Training.Augmentation.PseudoSequenceOptions.RealPhotos"/>.</summary>
    RealPhotos,
}
