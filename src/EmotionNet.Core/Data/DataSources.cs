namespace EmotionNet.Core.Data;

/// <summary>Loads a data set from a path, choosing the reader by what the path is.</summary>
public static class DataSources
{
    /// <summary>
    /// Loads <paramref name="path"/>: a file is read as a FER2013 CSV (plain or gzip), a directory
    /// as a folder data set (<see cref="FolderDatasetReader"/>).
    /// </summary>
    /// <exception cref="DataFormatException">The path does not exist or its data is invalid.</exception>
    public static FaceDataSplits Load(string path, DataLoadOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        if (Directory.Exists(path)) return FolderDatasetReader.Read(path, options);
        if (File.Exists(path)) return Fer2013Reader.Read(path, options);
        throw new DataFormatException(path, 0, "no such file or folder; expected a FER2013 CSV (.csv or .csv.gz) or a folder of class folders");
    }
}
