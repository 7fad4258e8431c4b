using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Samples;
using OpenCvSharp;

namespace EmotionNet.Benchmarks;

/// <summary>A white sheet of 48x48 faces upscaled x2 in rows and columns, for the docs' augmentation pictures.</summary>
internal sealed class FaceGrid(int rows, int columns) : IDisposable
{
    private const int Zoom = 2, Gap = 2, Cell = FaceImage.Side * Zoom + Gap;
    private readonly Mat sheet = new(rows * Cell - Gap, columns * Cell - Gap, MatType.CV_8UC1, Scalar.All(255));

    /// <summary>The Training split of the FER2013 CSV at <paramref name="path"/>, or of the embedded sample when there is none.</summary>
    public static FaceClipSet Faces(string path) => File.Exists(path) ? Fer2013Reader.Read(path).Training : SampleData.Load(ClassSet.Fer7).Training;

    /// <summary>Draws one 2304-byte face in cell (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public void Draw(ReadOnlySpan<byte> face, int row, int column)
    {
        using var small = Mat.FromPixelData(FaceImage.Side, FaceImage.Side, MatType.CV_8UC1, face[..FaceImage.FrameBytes].ToArray());
        using var big = new Mat();
        Cv2.Resize(small, big, new Size(FaceImage.Side * Zoom, FaceImage.Side * Zoom), 0, 0, InterpolationFlags.Nearest);
        using var target = new Mat(sheet, new Rect(column * Cell, row * Cell, FaceImage.Side * Zoom, FaceImage.Side * Zoom));
        big.CopyTo(target);
    }

    public void Save(string output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        Cv2.ImWrite(output, sheet);
    }

    public void Dispose() => sheet.Dispose();
}
