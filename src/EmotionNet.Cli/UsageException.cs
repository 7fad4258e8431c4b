namespace EmotionNet.Cli;

/// <summary>A flag value that parses but is not acceptable; reported with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
