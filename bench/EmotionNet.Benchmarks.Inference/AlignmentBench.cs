using System.Globalization;
using System.IO.Compression;
using EmotionNet.Core.Imaging;
using EmotionNet.Torch;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

/// <summary>
/// What aligned crops look like and what they do to accuracy. A PNG grid puts YuNet's aligned crops of
/// real photos (dlib's labelled photos) beside plain box crops of the same faces and beside FER2013
/// faces, to compare the framing by eye. Accuracy: FER2013 PrivateTest faces (real faces) upscaled to
/// 192 px and padded, run through YuNet, then classified by the shipped model as the original 48x48,
/// as the aligned crop and as the box crop.
/// </summary>
internal static class AlignmentBench
{
    private const int Upscale = 192;
    private const int Pad = 64;

    public static void Run(Report report, string photos, string fer, string gridPath, int limit)
    {
        var ferFaces = ReadFer(fer, "PrivateTest", limit);
        using (var photoDetector = new YuNetFaceDetector()) Grid(photoDetector, photos, ferFaces, gridPath);
        // The padded scenes are 320 px square, so the default working size runs them at full resolution.
        using var detector = new YuNetFaceDetector();

        using var shipped = EmotionClassifier.LoadShipped(EmotionNet.Core.Runtime.DeviceKind.Cpu);
        var classes = shipped.Classes;
        var labelled = ferFaces.Where(f => classes.IndexOfFerLabel(f.Label) >= 0).ToList();
        var original = new List<byte[]>();
        // Candidate framings (eye distance, eye-to-mouth, eye line as fractions of the side); the first is FaceAligner's.
        (double E, double M, double L)[] framings = [(FaceAligner.EyeDistance, FaceAligner.EyeToMouth, FaceAligner.EyeLine), (0.36, 0.32, 0.40), (0.40, 0.36, 0.40), (0.44, 0.40, 0.38), (0.40, 0.36, 0.34)];
        var aligned = framings.Select(_ => new List<byte[]>()).ToArray();
        var boxed = new List<byte[]>();
        var labels = new List<int>();
        var allOriginal = new List<byte[]>();
        var allLabels = new List<int>();
        foreach (var (label, pixels) in labelled)
        {
            allOriginal.Add(pixels);
            allLabels.Add(classes.IndexOfFerLabel(label));
            using var scene = Scene(pixels);
            var found = detector.DetectFaces(scene);
            if (found.Count == 0) continue;
            // The face nearest the centre: the one FER2013 framed.
            var face = found.MinBy(f => Math.Abs(f.Box.X + f.Box.Width / 2.0 - scene.Width / 2.0) + Math.Abs(f.Box.Y + f.Box.Height / 2.0 - scene.Height / 2.0))!;
            original.Add(pixels);
            for (var f = 0; f < framings.Length; f++)
            {
                var crop = new byte[FaceImage.FrameBytes];
                FaceAligner.Crop(scene, face.Landmarks!, crop, framings[f].E, framings[f].M, framings[f].L);
                aligned[f].Add(crop);
            }
            boxed.Add(FaceCropper.Crop(scene, face.Box));
            labels.Add(classes.IndexOfFerLabel(label));
        }
        string Acc(List<byte[]> faces, List<int> truth) => (100.0 * Accuracy(shipped, faces, truth)).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        report.Line($"FER2013 PrivateTest: {labelled.Count} faces of the shipped model's classes ({classes.Name}). Each 48x48 face upscaled (cubic) to {Upscale} px and padded by {Pad} px of repeated edge ({Upscale + 2 * Pad} px square), YuNet at its defaults (working size 320: full resolution here); faces found: **{labels.Count} of {labelled.Count}** ({100.0 * labels.Count / Math.Max(1, labelled.Count):0.0} %). Accuracy of the shipped model:").Line()
            .Table(["input to the model", "faces", "accuracy"],
            [
                ["original 48x48, all faces", $"{allOriginal.Count}", Acc(allOriginal, allLabels)],
                ["original 48x48, faces YuNet found", $"{original.Count}", Acc(original, labels)],
                .. framings.Select((f, i) => new[] { $"aligned crop, eyes {f.E:0.00}, eye-mouth {f.M:0.00}, eye line {f.L:0.00}{(i == 0 ? " (**FaceAligner's defaults**)" : "")}", $"{aligned[i].Count}", Acc(aligned[i], labels) }),
                [$"box crop (FaceCropper, margin {FaceCropper.DefaultMargin})", $"{boxed.Count}", Acc(boxed, labels)],
            ]);
        report.Line($"Framing grid: `{gridPath}`.");
    }

    private static Mat Scene(byte[] pixels)
    {
        using var face = Mat.FromPixelData(FaceImage.Side, FaceImage.Side, MatType.CV_8UC1, pixels);
        using var big = new Mat();
        Cv2.Resize(face, big, new Size(Upscale, Upscale), 0, 0, InterpolationFlags.Cubic);
        using var padded = new Mat();
        Cv2.CopyMakeBorder(big, padded, Pad, Pad, Pad, Pad, BorderTypes.Replicate);
        var bgr = new Mat();
        Cv2.CvtColor(padded, bgr, ColorConversionCodes.GRAY2BGR);
        return bgr;
    }

    private static double Accuracy(EmotionClassifier model, List<byte[]> faces, List<int> truth)
    {
        if (faces.Count == 0) return double.NaN;
        var t = model.SequenceLength;
        var k = model.Classes.Count;
        var correct = 0;
        const int batch = 256;
        for (var start = 0; start < faces.Count; start += batch)
        {
            var n = Math.Min(batch, faces.Count - start);
            var frames = new byte[n * t * FaceImage.FrameBytes];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < t; j++)
                    faces[start + i].CopyTo(frames, (i * t + j) * FaceImage.FrameBytes);
            var p = model.Predict(frames, n);
            for (var i = 0; i < n; i++)
            {
                var best = 0;
                for (var c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
                if (best == truth[start + i]) correct++;
            }
        }
        return (double)correct / faces.Count;
    }

    /// <summary>(FER label, 2304 pixels) of the rows of <paramref name="usage"/>, at most <paramref name="limit"/>.</summary>
    private static List<(int Label, byte[] Pixels)> ReadFer(string path, string usage, int limit)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var faces = new List<(int, byte[])>();
        while (faces.Count < limit && reader.ReadLine() is { } line)
        {
            var parts = line.Split(',');
            if (parts.Length != 3 || parts[2].Trim() != usage) continue;
            var pixels = parts[1].Split(' ').Select(v => byte.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            if (pixels.Length == FaceImage.FrameBytes) faces.Add((int.Parse(parts[0], CultureInfo.InvariantCulture), pixels));
        }
        return faces;
    }

    // Three blocks of 128 px tiles: aligned crops of the photos' faces | box crops of the same faces | FER2013 faces.
    private static void Grid(YuNetFaceDetector detector, string photos, List<(int Label, byte[] Pixels)> fer, string gridPath)
    {
        var aligned = new List<byte[]>();
        var boxed = new List<byte[]>();
        foreach (var (path, _) in DlibFaces.Load(photos))
        {
            using var image = Cv2.ImRead(path, ImreadModes.Color);
            foreach (var face in detector.DetectFaces(image))
            {
                aligned.Add(FaceAligner.Crop(image, face.Landmarks!));
                boxed.Add(FaceCropper.Crop(image, face.Box));
            }
        }
        const int tile = 128, columns = 3, gap = 16, header = 28;
        var rows = (Math.Max(aligned.Count, 18) + columns - 1) / columns;
        var blockW = columns * tile;
        using var canvas = new Mat(header + rows * tile, 3 * blockW + 2 * gap, MatType.CV_8UC1, Scalar.All(255));
        void Block(int b, IReadOnlyList<byte[]> faces, string title)
        {
            var x0 = b * (blockW + gap);
            Cv2.PutText(canvas, title, new Point(x0 + 4, 20), HersheyFonts.HersheySimplex, 0.6, Scalar.All(0), 1, LineTypes.AntiAlias);
            for (var i = 0; i < Math.Min(faces.Count, rows * columns); i++)
            {
                using var face = Mat.FromPixelData(FaceImage.Side, FaceImage.Side, MatType.CV_8UC1, faces[i]);
                using var big = new Mat();
                Cv2.Resize(face, big, new Size(tile, tile), 0, 0, InterpolationFlags.Nearest);
                using var target = new Mat(canvas, new Rect(x0 + i % columns * tile, header + i / columns * tile, tile, tile));
                big.CopyTo(target);
            }
        }
        Block(0, aligned, "aligned (FaceAligner), real photos");
        Block(1, boxed, "box + 0.1 margin, same faces");
        Block(2, [.. fer.Take(rows * columns).Select(f => f.Pixels)], "FER2013 PrivateTest");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(gridPath))!);
        Cv2.ImWrite(gridPath, canvas);
    }
}
