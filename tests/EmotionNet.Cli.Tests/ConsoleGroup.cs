namespace EmotionNet.Cli.Tests;

/// <summary>
/// Every class here runs the CLI in this process: it swaps the process console and trains (seeding
/// libtorch's global generator), so the classes run one at a time.
/// </summary>
[CollectionDefinition("console", DisableParallelization = true)]
public sealed class ConsoleGroup;
