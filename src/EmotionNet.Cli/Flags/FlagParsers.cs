using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace EmotionNet.Cli.Flags;

/// <summary>
/// Small factories so every flag gets a description, a default shown in --help, and a type check at
/// parse time (exit 2). Ranges are not checked here: the option records' Validate() owns them, and
/// <see cref="FlagVocabulary.Describe"/> names the flag when a value is out of range.
/// </summary>
internal static class FlagParsers
{
    public static Option<int> Int(string name, int defaultValue, string description) =>
        Number(name, defaultValue, description, "an integer", token => int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);

    public static Option<double> Double(string name, double defaultValue, string description) =>
        Number(name, defaultValue, description, "a number", token => double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null);

    /// <summary>A number flag without a fixed default: null when not given, so the option record's own value stands.</summary>
    public static Option<double?> OptionalDouble(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var token = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
            r.AddError($"{name} must be a number (got '{token}').");
            return null;
        },
    };

    private static Option<T> Number<T>(string name, T defaultValue, string description, string kind, Func<string, T?> parse)
        where T : struct
    {
        return new Option<T>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var token = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (parse(token) is { } value) return value;
                r.AddError($"{name} must be {kind} (got '{token}').");
                return defaultValue;
            },
        };
    }

    /// <summary>A flag naming a value of <typeparamref name="T"/> by its lower-case name.</summary>
    public static Option<T> Choice<T>(string name, T defaultValue, string description) where T : struct, Enum
    {
        var words = EnumWords<T>();
        return Choice(name, $"{description} ({string.Join("|", words.Select(w => w.Word))})", defaultValue, words);
    }

    /// <summary>
    /// A flag whose words name values of an option record (--temporal average -> TemporalMode.MovingAverage),
    /// matched ignoring case; any other word is a usage error at parse time.
    /// </summary>
    public static Option<T> Choice<T>(string name, string description, T defaultValue, params (string Word, T Value)[] choices)
    {
        var option = new Option<T>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => TryWord(r, name, choices, out var value) ? value : defaultValue,
        };
        option.HelpName = string.Join("|", choices.Select(c => c.Word));
        return option;
    }

    /// <summary>A choice without a fixed default: null when the flag is not given, so the library picks one (<paramref name="defaultText"/> says which).</summary>
    public static Option<T?> OptionalChoice<T>(string name, string description, string defaultText) where T : struct, Enum
    {
        var words = EnumWords<T>();
        var option = new Option<T?>(name)
        {
            Description = $"{description} ({string.Join("|", words.Select(w => w.Word))}). Default: {defaultText}.",
            CustomParser = r => TryWord(r, name, words, out var value) ? value : null,
        };
        option.HelpName = string.Join("|", words.Select(w => w.Word));
        return option;
    }

    private static (string Word, T Value)[] EnumWords<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (v.ToString().ToLowerInvariant(), v)).ToArray();

    private static bool TryWord<T>(ArgumentResult r, string name, (string Word, T Value)[] choices, out T value)
    {
        var token = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        foreach (var (word, candidate) in choices)
        {
            if (!string.Equals(word, token, StringComparison.OrdinalIgnoreCase)) continue;
            value = candidate;
            return true;
        }
        r.AddError($"{name} must be one of {string.Join(", ", choices.Select(c => c.Word))} (got '{token}').");
        value = default!;
        return false;
    }

    public static Option<int[]> IntList(string name, int[] defaultValue, string description)
    {
        var option = new Option<int[]>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var text = string.Join(",", r.Tokens.Select(t => t.Value));
                var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var values = new List<int>();
                foreach (var part in parts)
                {
                    if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                    {
                        r.AddError($"{name} takes comma-separated integers (got '{text}').");
                        return defaultValue;
                    }
                    values.Add(v);
                }
                if (values.Count == 0) r.AddError($"{name} needs at least one value.");
                return values.ToArray();
            },
        };
        option.HelpName = "n,n,...";
        return option;
    }

    /// <summary>True when <paramref name="option"/> was typed on the command line (not its default).</summary>
    public static bool Given(this ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };
}
