using EmotionNet.Vision.Faces;
using OpenCvSharp;

/// <summary>
/// Videos made from the labelled real photos (<see cref="DlibFaces"/>): each photo scaled by <see cref="Scale"/>
/// and filmed by a 640x480 camera that pans across it and back (faces move and leave the frame at its edges),
/// while a skin-coloured hand passes over the largest face, rests on it and moves away. The truth is the
/// labelled boxes moved with the camera, with the share of each face covered by the hand or out of frame.
/// The photos are real faces; only the motion and the hand are made.
/// </summary>
internal static class RealPhotoScenes
{
    public const double Scale = 1.6;
    public const int MaxPan = 160;
    public const int HandFrames = 40;
    private const int Width = 640;
    private const int Height = 480;
    private const double Fps = 30;
    private const int Version = 1;

    /// <summary>Where the frame with the hand resting on the face is written as a PNG, to look at (null: not written).</summary>
    public static string? PreviewFolder { get; set; }

    public static IReadOnlyList<(string Name, string Path, IReadOnlyList<TrackingScenes.Truth[]> Truth)> Videos(string folder, int frames) =>
        DlibFaces.Load(folder).Select(photo => Video(photo.Path, photo.Boxes, frames)).ToArray();

    private static (string Name, string Path, IReadOnlyList<TrackingScenes.Truth[]> Truth) Video(string photoPath, FaceBox[] labelled, int frames)
    {
        using var original = Cv2.ImRead(photoPath, ImreadModes.Color);
        if (original.Empty()) throw new InvalidDataException($"Could not read '{photoPath}'.");
        using var scaled = new Mat();
        Cv2.Resize(original, scaled, new Size(), Scale, Scale, InterpolationFlags.Cubic);
        // Pad so the camera window always fits, whatever the photo's size: a dark wall around the print.
        using var canvas = new Mat(new Size(Math.Max(scaled.Width, Width) + MaxPan, Math.Max(scaled.Height, Height) + MaxPan / 2), MatType.CV_8UC3, new Scalar(40, 40, 40));
        using (var roi = new Mat(canvas, new Rect(0, 0, scaled.Width, scaled.Height))) scaled.CopyTo(roi);
        var boxes = labelled.Select(b => new FaceBox((int)(b.X * Scale), (int)(b.Y * Scale), (int)(b.Width * Scale), (int)(b.Height * Scale))).ToArray();
        var largest = Array.IndexOf(boxes, boxes.MaxBy(b => b.Area));
        var panX = Math.Min(MaxPan, canvas.Width - Width);
        var panY = Math.Min(MaxPan / 2, canvas.Height - Height);

        var truth = new TrackingScenes.Truth[frames][];
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"emotionnet-realpan-v{Version}-{System.IO.Path.GetFileNameWithoutExtension(photoPath)}-{frames}f.avi");
        var write = !File.Exists(path);
        var partial = path + ".partial.avi";
        using var writer = write ? new VideoWriter(partial, VideoCaptureAPIs.FFMPEG, FourCC.FromString("MJPG"), Fps, new Size(Width, Height), true) : null;
        for (var i = 0; i < frames; i++)
        {
            // There and back once: a slow pan, as a hand-held camera or a slow zoom would move faces.
            var phase = (1 - Math.Cos(2 * Math.PI * i / frames)) / 2;
            var (ox, oy) = ((int)(panX * phase), (int)(panY * phase));
            var hand = Hand(boxes[largest], i, frames);
            var row = new TrackingScenes.Truth[boxes.Length];
            for (var k = 0; k < boxes.Length; k++)
            {
                var moved = boxes[k] with { X = boxes[k].X - ox, Y = boxes[k].Y - oy };
                var covered = k == largest && hand is { } h ? Overlap(boxes[k], h) : 0;
                row[k] = new TrackingScenes.Truth(k, moved, Math.Min(1, OutOfFrame(moved) + covered));
            }
            truth[i] = row;
            var preview = PreviewFolder is not null && i == frames / 3 + HandFrames / 2;
            if (writer is null && !preview) continue;
            using var frame = new Mat(canvas, new Rect(ox, oy, Width, Height)).Clone();
            if (hand is { } r)
            {
                var centre = new Point(r.X + r.Width / 2 - ox, r.Y + r.Height / 2 - oy);
                Cv2.Ellipse(frame, centre, new Size(r.Width / 2, r.Height / 2), 20, 0, 360, new Scalar(120, 160, 215), -1, LineTypes.AntiAlias);
            }
            writer?.Write(frame);
            if (preview)
            {
                Directory.CreateDirectory(PreviewFolder!);
                foreach (var t in row.Where(t => t.Hidden < 1))
                    Cv2.Rectangle(frame, new Rect(t.Box.X, t.Box.Y, t.Box.Width, t.Box.Height), t.Hidden > 0.25 ? new Scalar(0, 0, 255) : new Scalar(0, 255, 0), 1);
                Cv2.ImWrite(System.IO.Path.Combine(PreviewFolder!, System.IO.Path.GetFileNameWithoutExtension(photoPath) + "-hand.png"), frame);
            }
        }
        if (writer is not null)
        {
            writer.Release();
            File.Move(partial, path, overwrite: true);
        }
        return (System.IO.Path.GetFileName(photoPath), path, truth);
    }

    // The hand (in photo coordinates): slides in from the right over the face, rests covering 70 % of it, slides out.
    private static FaceBox? Hand(FaceBox face, int frame, int frames)
    {
        var start = frames / 3;
        var t = frame - start;
        if (t < 0 || t >= HandFrames) return null;
        var slide = HandFrames / 4;
        var cover = t < slide ? (double)t / slide : t >= HandFrames - slide ? (double)(HandFrames - t) / slide : 1;
        var width = (int)(face.Width * 0.9);
        var left = face.Right - (int)(face.Width * 0.7 * cover);
        return new FaceBox(left, face.Y - face.Height / 10, width, (int)(face.Height * 1.3));
    }

    private static double Overlap(FaceBox face, FaceBox hand)
    {
        var w = Math.Max(0, Math.Min(face.Right, hand.Right) - Math.Max(face.X, hand.X));
        var h = Math.Max(0, Math.Min(face.Bottom, hand.Bottom) - Math.Max(face.Y, hand.Y));
        return (double)w * h / Math.Max(1, face.Area);
    }

    private static double OutOfFrame(FaceBox box)
    {
        var w = Math.Max(0, Math.Min(box.Right, Width) - Math.Max(box.X, 0));
        var h = Math.Max(0, Math.Min(box.Bottom, Height) - Math.Max(box.Y, 0));
        return 1 - (double)w * h / Math.Max(1, box.Area);
    }
}
