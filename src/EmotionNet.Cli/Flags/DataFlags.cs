using System.CommandLine;
using EmotionNet.Data;
using EmotionNet.Emotions;
using EmotionNet.Samples;
using EmotionNet.Vision.Imaging;

namespace EmotionNet.Cli.Flags;

/// <summary>The flags that choose data, shared by train and evaluate.</summary>
internal sealed class DataFlags
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "FER2013 CSV (.csv or .csv.gz) or a folder of labelled images/clips (ROOT/<class>/...). Default: the small sample embedded in EmotionNet.",
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

    public FaceDataSplits Load(ParseResult parse, ClassSet classes)
    {
        var path = parse.GetValue(Data);
        return path is null
            ? SampleData.Load(classes)
            : DataSources.Load(path, new DataLoadOptions { Classes = classes, SkipInvalid = parse.GetValue(SkipInvalid), ImageDecoder = OpenCvFaceImageDecoder.Instance });
    }

    public string Describe(ParseResult parse) => parse.GetValue(Data) ?? "the embedded FER2013 sample";
}
