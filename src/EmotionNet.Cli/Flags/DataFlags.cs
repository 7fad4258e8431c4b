using System.CommandLine;

namespace EmotionNet.Cli.Flags;

/// <summary>The flags that choose data, shared by train and evaluate.</summary>
internal sealed class DataFlags
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "FER2013 CSV (.csv or .csv.gz) or a folder of labelled images/clips (ROOT/<class>/...). Default: the small FER2013 sample of EmotionNet.Samples.",
    };

    public Option<bool> SkipInvalid { get; } = new("--skip-invalid")
    {
        Description = "Skip invalid rows or unreadable images (counted and reported) instead of stopping at the first.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(SkipInvalid);
    }

    public DataSettings Parse(ParseResult parse) => new(parse.GetValue(Data), parse.GetValue(SkipInvalid));
}
