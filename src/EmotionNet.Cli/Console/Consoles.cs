using Spectre.Console;

namespace EmotionNet.Cli.Console;

/// <summary>
/// Spectre consoles for the real standard streams. Spectre decides on colour from the terminal
/// type, not from redirection, so a log file or CI capture would otherwise fill with escape codes.
/// </summary>
internal static class Consoles
{
    /// <summary>A console on <paramref name="writer"/>: styled on a terminal, plain text and no live redraw when redirected.</summary>
    public static IAnsiConsole Create(TextWriter writer, bool redirected) => AnsiConsole.Create(redirected
        ? new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No }
        : new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });

    /// <summary>A console on standard error (progress and messages, so standard output stays for results).</summary>
    public static IAnsiConsole StandardError() => Create(System.Console.Error, System.Console.IsErrorRedirected);
}
