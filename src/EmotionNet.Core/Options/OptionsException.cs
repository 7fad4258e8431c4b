namespace EmotionNet.Core.Options;

/// <summary>
/// An option record holds a value outside its documented range. <see cref="Option"/> names the field
/// as <c>Record.Field</c>, so a front end can say which of its own settings (a flag, a config key) to fix.
/// </summary>
public sealed class OptionsException : EmotionNetException
{
    /// <summary>Creates the exception for <paramref name="option"/> (<c>Record.Field</c>), which <paramref name="rule"/> (e.g. "must be at least 1"); <paramref name="value"/> is what it held.</summary>
    public OptionsException(string option, string rule, object? value)
        : base($"{option} {rule} (got {OptionCheck.Show(value)}).")
    {
        Option = option;
        Rule = rule;
        Value = value;
    }

    /// <summary>The field, as <c>Record.Field</c> (e.g. <c>TrainingOptions.BatchSize</c>).</summary>
    public string Option { get; }

    /// <summary>What the field must be, as a phrase (e.g. "must be at least 1").</summary>
    public string Rule { get; }

    /// <summary>The value it held.</summary>
    public object? Value { get; }
}
