using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Options;

namespace EmotionNet.Core.Data;

/// <summary>How a data set is read, whatever its format (<see cref="DataSources.Load"/>, <see cref="Fer2013Reader"/>, <see cref="FolderDatasetReader"/>).</summary>
public sealed record DataLoadOptions
{
    /// <summary>The classes to keep (default <see cref="ClassSet.Fer7"/>); other labels are dropped and the rest remapped.</summary>
    public ClassSet Classes { get; init; } = ClassSet.Fer7;

    /// <summary>Skip invalid rows or files, counting them, instead of failing on the first (default false).</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>How many skip reasons the <see cref="DataLoadReport"/> keeps (default 5, at least 0).</summary>
    public int MaxReasons { get; init; } = 5;

    /// <summary>
    /// Decodes the image files of folder data sets (default null: CSV only). Core reads no image
    /// formats itself; pass EmotionNet.Vision's <c>OpenCvFaceImageDecoder.Instance</c> or your own.
    /// </summary>
    public IFaceImageDecoder? ImageDecoder { get; init; }

    /// <summary>The defaults: FER2013's seven classes, failing on the first invalid row.</summary>
    public static DataLoadOptions Default { get; } = new();

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public DataLoadOptions Validate()
    {
        var check = new OptionCheck(nameof(DataLoadOptions));
        check.Require(Classes, Classes is not null, "must name a class set");
        check.Require(MaxReasons, MaxReasons >= 0, "must be 0 or more");
        return this;
    }
}
