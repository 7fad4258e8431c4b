using EmotionNet.Cli;

return await CliApp.RunAsync(args);
