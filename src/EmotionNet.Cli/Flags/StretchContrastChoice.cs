namespace EmotionNet.Cli.Flags;

/// <summary>The words of --stretch-contrast.</summary>
internal enum StretchContrastChoice
{
    /// <summary>The checkpoint's own <see cref="Core.Imaging.InputNormalization.StretchContrast"/>.</summary>
    Model,
    /// <summary>Stretch, whatever the checkpoint says.</summary>
    On,
    /// <summary>Do not stretch, whatever the checkpoint says.</summary>
    Off,
}

/// <summary>Maps <see cref="StretchContrastChoice"/> to the override the model loaders take.</summary>
internal static class StretchContrastChoices
{
    /// <summary>Null for <see cref="StretchContrastChoice.Model"/>, else whether to stretch.</summary>
    public static bool? Override(this StretchContrastChoice choice) => choice switch
    {
        StretchContrastChoice.On => true,
        StretchContrastChoice.Off => false,
        _ => null,
    };
}
