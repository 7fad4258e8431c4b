namespace EmotionNet.Core.Options;

/// <summary>
/// An option record holds a value outside its documented range. <see cref="EmotionNetException.Option"/> names
/// the field as <c>Record.Field</c>, and <see cref="Rule"/> and <see cref="ShownValue"/> say what is wrong, so a
/// front end can word the error for its own settings (a flag, a config key) without parsing the message.
/// </summary>
public sealed class OptionsException : EmotionNetException
{
    /// <summary>Creates the exception for <paramref name="option"/> (<c>Record.Field</c>), which <paramref name="rule"/> (e.g. "must be at least 1"); <paramref name="value"/> is what it held.</summary>
    public OptionsException(string option, string rule, object? value)
        : base($"{option} {rule} (got {OptionCheck.Show(value)}).")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(option);
        Option = option;
        Rule = rule;
        Value = value;
        ShownValue = OptionCheck.Show(value);
    }

    /// <summary>What the field must be, as a phrase (e.g. "must be at least 1").</summary>
    public string Rule { get; }

    /// <summary>The value it held.</summary>
    public object? Value { get; }

    /// <summary>The value as the message shows it: invariant numbers, quoted strings, comma-joined lists.</summary>
    public string ShownValue { get; }
}
