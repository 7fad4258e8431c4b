namespace EmotionNet.Core.Data;

/// <summary>Collects skips, warnings and class folders while a reader runs (one per read; not thread-safe).</summary>
internal sealed class LoadReportBuilder(int maxReasons)
{
    private readonly List<string> reasons = [];
    private readonly List<string> warnings = [];
    private readonly List<ClassFolderMapping> classFolders = [];
    private readonly List<FaceNotFound> facesNotFound = [];

    public int Skipped { get; private set; }

    public int FacesNotFoundCount => facesNotFound.Count;

    public void Skip(string reason)
    {
        Skipped++;
        if (reasons.Count < maxReasons) reasons.Add(reason);
    }

    public void Warn(string warning) => warnings.Add(warning);

    public void ClassFolder(ClassFolderMapping folder) => classFolders.Add(folder);

    public void NoFace(FaceNotFound photo) => facesNotFound.Add(photo);

    public DataLoadReport Build() =>
        Skipped == 0 && warnings.Count == 0 && classFolders.Count == 0 && facesNotFound.Count == 0
            ? DataLoadReport.Clean
            : new DataLoadReport(Skipped, reasons.ToArray(), warnings.ToArray()) { ClassFolders = classFolders.ToArray(), FacesNotFound = facesNotFound.ToArray() };
}
