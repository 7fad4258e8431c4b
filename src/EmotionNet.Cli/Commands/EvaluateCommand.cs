using System.CommandLine;

namespace EmotionNet.Cli.Commands;

internal static class EvaluateCommand
{
    public static Command Create()
    {
        var command = new Command("evaluate", "TODO");
        command.SetAction(int (_) => throw new EmotionNetException("'evaluate' is not implemented yet."));
        return command;
    }
}
