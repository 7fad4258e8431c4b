using System.Globalization;
using System.Runtime.CompilerServices;

namespace EmotionNet.Core.Options;

/// <summary>
/// The one validation style of EmotionNet's option records: each record's <c>Validate()</c> runs one
/// <see cref="Require{T}"/> per rule and throws an <see cref="OptionsException"/> naming the first
/// field out of range.
/// <code>
/// var check = new OptionCheck(nameof(TrainingOptions));
/// check.Require(Epochs, Epochs >= 1, "must be at least 1");
/// </code>
/// </summary>
/// <param name="record">The record's type name, the first half of <see cref="EmotionNetException.Option"/>.</param>
public readonly struct OptionCheck(string record)
{
    /// <summary>Throws an <see cref="OptionsException"/> for the field <paramref name="value"/> came from unless <paramref name="ok"/>.</summary>
    /// <param name="value">The field's value; its expression (the field's name) names the field.</param>
    /// <param name="ok">Whether the value satisfies the rule.</param>
    /// <param name="rule">What the field must be, as a phrase ("must be at least 1").</param>
    /// <param name="field">Filled in by the compiler from <paramref name="value"/>'s expression.</param>
    public void Require<T>(T value, bool ok, string rule, [CallerArgumentExpression(nameof(value))] string field = "")
    {
        if (!ok) throw new OptionsException($"{record}.{field}", rule, value);
    }

    /// <summary>How a value appears in a message: invariant numbers, quoted strings, comma-joined lists.</summary>
    internal static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(Show)),
        _ => value.ToString() ?? "",
    };
}
