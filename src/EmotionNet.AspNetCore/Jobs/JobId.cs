using System.Security.Cryptography;

namespace EmotionNet.AspNetCore.Jobs;

/// <summary>
/// Video job ids: 128 random bits from the operating system's CSPRNG as 32 lowercase hex digits, so
/// that knowing one job's id tells nothing of another's. A request's id reaches the file system only
/// after it has been checked to be exactly that shape.
/// </summary>
internal static class JobId
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsValid(string? id) => id is { Length: 32 } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
