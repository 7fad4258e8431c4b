using EmotionNet.Cli;
using EmotionNet.Cli.Console;

Spectre.Console.AnsiConsole.Console = Consoles.Create(Console.Out, Console.IsOutputRedirected);
return await CliApp.RunAsync(args);
