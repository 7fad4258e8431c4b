using System.CommandLine;

namespace EmotionNet.Cli.Commands;

internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var command = new Command("analyze", "TODO");
        command.SetAction(int (_) => throw new EmotionNetException("'analyze' is not implemented yet."));
        return command;
    }
}
