using Spectre.Console;

namespace EmotionNet.Cli.Console;

/// <summary>Styled messages on standard error, so standard output stays for results.</summary>
internal static class Output
{
    // Created per message so that a redirected standard error (tests, pipes) is honoured.
    private static IAnsiConsole Err => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });

    public static void Error(string message) => Err.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");

    public static void Warn(string message) => Err.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}");

    public static void Hint(string message) => Err.MarkupLine($"[grey]{Markup.Escape(message)}[/]");

    public static void Info(string message) => Err.MarkupLine(Markup.Escape(message));
}
