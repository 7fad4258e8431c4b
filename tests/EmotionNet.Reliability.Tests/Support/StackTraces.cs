namespace EmotionNet.Reliability.Tests.Support;

/// <summary>What a leaked exception looks like on a console.</summary>
internal static class StackTraces
{
    public static void AssertNone(string output)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Fatal error", output, StringComparison.Ordinal);
    }
}
