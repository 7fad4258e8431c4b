using System.Globalization;
using System.Text;
using System.Text.Json;
using EmotionNet.Core;
using EmotionNet.Core.Emotions;
using EmotionNet.Inference.Segments;
using EmotionNet.TestSupport;

namespace EmotionNet.Inference.Tests.Segments;

public class SegmentWriterTests
{
    private static readonly EmotionSegment[] Segments =
    [
        new("clip.avi", 1, Emotion.Happy, 0, 1.23456, 0, 36, 37, 0.812345678, 2),
        new("my, \"odd\" clip.avi", 2, Emotion.Angry, 1.23456, 2.5, 37, 74, 20, 0.4, 0),
    ];

    /// <summary>Splits one RFC 4180 line (quotes doubled inside quoted fields).</summary>
    internal static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    [Fact]
    public void Csv_has_a_header_and_one_invariant_row_per_segment_that_parses_back()
    {
        using var folder = new TempFolder();
        var path = folder.File("segments.csv");
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // a decimal comma must not leak into the file
            SegmentCsv.Write(path, Segments);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var lines = File.ReadAllText(path).Split('\n');
        Assert.Equal(["source,face_id,emotion,start_s,end_s,start_frame,end_frame,frames,mean_confidence,uncertain_frames", "clip.avi,1,Happy,0,1.235,0,36,37,0.8123,2"], lines[..2]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(4, lines.Length);
        var odd = SplitCsv(lines[2]);
        Assert.Equal(["my, \"odd\" clip.avi", "2", "Angry", "1.235", "2.5", "37", "74", "20", "0.4", "0"], odd);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp*"));
    }

    [Fact]
    public void Json_holds_the_conventions_and_the_same_segments_rounded_and_reads_back()
    {
        using var folder = new TempFolder();
        var path = folder.File("segments.json");

        SegmentJson.Write(path, "clip.avi", Segments, new SegmentOptions { GapSeconds = 0.25 }, 1 / 30.0);

        using (var json = JsonDocument.Parse(File.ReadAllBytes(path)))
        {
            var root = json.RootElement;
            Assert.Equal("clip.avi", root.GetProperty("input").GetString());
            Assert.Equal(0.25, root.GetProperty("gap_s").GetDouble());
            Assert.Equal(0.033333, root.GetProperty("frame_interval_s").GetDouble());
            var first = root.GetProperty("segments")[0];
            Assert.Equal(["source", "face_id", "emotion", "start_s", "end_s", "start_frame", "end_frame", "frames", "mean_confidence", "uncertain_frames"],
                first.EnumerateObject().Select(p => p.Name));
            Assert.Equal(1.235, first.GetProperty("end_s").GetDouble());
            Assert.Equal(0.8123, first.GetProperty("mean_confidence").GetDouble());
        }
        var back = SegmentJson.Read(path);
        Assert.Equal(Segments.Select(s => s with { StartSeconds = Math.Round(s.StartSeconds, 3), EndSeconds = Math.Round(s.EndSeconds, 3), MeanConfidence = Math.Round(s.MeanConfidence, 4) }), back);

        SegmentJson.Write(path, "photos", [], SegmentOptions.Default, frameInterval: null);
        using var photos = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal(JsonValueKind.Null, photos.RootElement.GetProperty("frame_interval_s").ValueKind);
        Assert.Equal(0, photos.RootElement.GetProperty("segments").GetArrayLength());
    }

    [Fact]
    public void Reading_a_file_that_is_not_a_segments_json_names_it()
    {
        using var folder = new TempFolder();
        var path = folder.File("segments.json");
        File.WriteAllText(path, "{\"frames\": []}");

        var e = Assert.Throws<EmotionNetException>(() => SegmentJson.Read(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }
}
