using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace EmotionNet.Cli.Flags;

/// <summary>Small factories so every flag gets a description, a default shown in --help, and range checks at parse time (exit 2).</summary>
internal static class FlagParsers
{
    public static Option<int> Int(string name, int defaultValue, string description, int min = int.MinValue, int max = int.MaxValue) =>
        Number(name, defaultValue, description, token => int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null,
            v => v >= min && v <= max, Range(min, max));

    public static Option<double> Double(string name, double defaultValue, string description, double min, double max, bool maxExclusive = false) =>
        Number(name, defaultValue, description, token => double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null,
            v => double.IsFinite(v) && v >= min && (maxExclusive ? v < max : v <= max),
            $"between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}{(maxExclusive ? " (exclusive)" : "")}");

    private static Option<T> Number<T>(string name, T defaultValue, string description, Func<string, T?> parse, Func<T, bool> inRange, string range)
        where T : struct
    {
        return new Option<T>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var token = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (parse(token) is { } value && inRange(value)) return value;
                r.AddError($"{name} must be a number {range} (got '{token}').");
                return defaultValue;
            },
        };
    }

    public static Option<T> Choice<T>(string name, T defaultValue, string description) where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var option = new Option<T>(name)
        {
            Description = $"{description} ({string.Join("|", names)})",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var token = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (Enum.TryParse<T>(token, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(token, out _)) return value;
                r.AddError($"{name} must be one of {string.Join(", ", names)} (got '{token}').");
                return defaultValue;
            },
        };
        option.HelpName = string.Join("|", names);
        return option;
    }

    public static Option<int[]> IntList(string name, int[] defaultValue, string description, int min)
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
                    if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min)
                    {
                        r.AddError($"{name} takes comma-separated integers of at least {min} (got '{text}').");
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

    private static string Range(int min, int max) =>
        max == int.MaxValue ? $"at least {min}" : min == int.MinValue ? $"at most {max}" : $"between {min} and {max}";
}
