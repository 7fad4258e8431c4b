using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace EmotionNet.Cli.Flags;

/// <summary>
/// Small factories so every flag gets a description, a default shown in --help, and a type check at
/// parse time (exit 2). Ranges are not checked here: the option records' Validate() owns them, and
/// <see cref="FlagVocabulary"/> names the flag when a value is out of range.
/// </summary>
internal static class FlagParsers
{
    public static Option<int> Int(string name, int defaultValue, string description) =>
        Number(name, defaultValue, description, "an integer", token => int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);

    public static Option<double> Double(string name, double defaultValue, string description) =>
        Number(name, defaultValue, description, "a number", token => double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null);

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

    public static Option<T> Choice<T>(string name, T defaultValue, string description) where T : struct, Enum
    {
        var names = ChoiceNames<T>();
        var option = new Option<T>(name)
        {
            Description = $"{description} ({string.Join("|", names)})",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseChoice<T>(r, name, names) ?? defaultValue,
        };
        option.HelpName = string.Join("|", names);
        return option;
    }

    /// <summary>A choice without a fixed default: null when the flag is not given, so the library picks one (<paramref name="defaultText"/> says which).</summary>
    public static Option<T?> OptionalChoice<T>(string name, string description, string defaultText) where T : struct, Enum
    {
        var names = ChoiceNames<T>();
        var option = new Option<T?>(name)
        {
            Description = $"{description} ({string.Join("|", names)}). Default: {defaultText}.",
            CustomParser = r => ParseChoice<T>(r, name, names),
        };
        option.HelpName = string.Join("|", names);
        return option;
    }

    private static string[] ChoiceNames<T>() where T : struct, Enum => Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();

    private static T? ParseChoice<T>(ArgumentResult r, string name, string[] names) where T : struct, Enum
    {
        var token = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        if (Enum.TryParse<T>(token, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(token, out _)) return value;
        r.AddError($"{name} must be one of {string.Join(", ", names)} (got '{token}').");
        return null;
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
