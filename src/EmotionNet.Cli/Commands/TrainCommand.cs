using System.CommandLine;

namespace EmotionNet.Cli.Commands;

internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "TODO");
        command.SetAction(int (_) => throw new EmotionNetException("'train' is not implemented yet."));
        return command;
    }
}
