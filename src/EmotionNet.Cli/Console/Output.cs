using Spectre.Console;

namespace EmotionNet.Cli.Console;

/// <summary>
/// Messages on standard error, so standard output stays for results. Styled on a terminal; plain,
/// unwrapped lines when redirected (logs, CI, tests), so a message is never split mid-word.
/// </summary>
internal static class Output
{
    public static void Error(string message) => Write("error", "red", message);

    public static void Warn(string message) => Write("warning", "yellow", message);

    public static void Hint(string message) => Write(null, "grey", message);

    public static void Info(string message) => Write(null, null, message);

    private static void Write(string? label, string? color, string message)
    {
        var prefix = label is null ? "" : label + ": ";
        if (System.Console.IsErrorRedirected)
        {
            System.Console.Error.WriteLine(prefix + message);
            return;
        }
        var console = Consoles.Create(System.Console.Error, redirected: false);
        var text = Markup.Escape(message);
        console.MarkupLine(color is null ? text : label is null ? $"[{color}]{text}[/]" : $"[{color}]{label}:[/] {text}");
    }
}
