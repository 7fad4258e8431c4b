namespace EmotionNet.Reliability.Tests;

/// <summary>
/// Tests that run the CLI in this process: it swaps the process console and may train (seeding libtorch's
/// global generator), so they run alone, never beside another collection.
/// </summary>
[CollectionDefinition("console", DisableParallelization = true)]
public sealed class ConsoleGroup;
