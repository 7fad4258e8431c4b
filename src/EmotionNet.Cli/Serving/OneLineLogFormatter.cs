using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace EmotionNet.Cli.Serving;

/// <summary>
/// The server's log lines as the CLI writes its errors: one line each, an exception as its type and message
/// without the stack trace (which <see cref="CliApp.DebugVariable"/>=1 brings back, through the simple formatter).
/// </summary>
internal sealed class OneLineLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "emotionnet-one-line";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception) ?? "";
        var level = logEntry.LogLevel switch
        {
            LogLevel.Critical or LogLevel.Error => "error",
            LogLevel.Warning => "warning",
            _ => "info",
        };
        var exception = logEntry.Exception is { } e ? $" ({e.GetType().Name}: {e.GetBaseException().Message})" : "";
        textWriter.WriteLine($"{level}: {logEntry.Category}: {message.ReplaceLineEndings(" ")}{exception.ReplaceLineEndings(" ")}");
    }
}
