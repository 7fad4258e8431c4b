using System.IO.Compression;
using System.Text;
using CsCheck;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;

namespace EmotionNet.Reliability.Tests.Properties;

/// <summary>Property tests of <see cref="Fer2013Reader"/>: valid files round-trip exactly; any damage is a DataFormatException or a clean read.</summary>
public sealed class CsvReaderProperties
{
    private static readonly string[] Usages = ["Training", "PublicTest", "PrivateTest"];

    private sealed record Row(int Label, int Usage, byte[] Pixels);

    private static readonly Gen<Row> GenRow = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 2], Gen.Byte.Array[2304], (l, u, p) => new Row(l, u, p));

    /// <summary>Rows as FER2013 text, with LF or CRLF, optionally gzip-compressed.</summary>
    private static byte[] Encode(IReadOnlyList<Row> rows, bool crlf, bool gzip)
    {
        var newline = crlf ? "\r\n" : "\n";
        var text = new StringBuilder(Fer2013Reader.Header).Append(newline);
        foreach (var r in rows) text.Append(r.Label).Append(',').AppendJoin(' ', r.Pixels).Append(',').Append(Usages[r.Usage]).Append(newline);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (!gzip) return bytes;
        using var compressed = new MemoryStream();
        using (var z = new GZipStream(compressed, CompressionLevel.Fastest)) z.Write(bytes);
        return compressed.ToArray();
    }

    [Fact]
    public void Valid_rows_round_trip_exactly()
    {
        Gen.Select(GenRow.List[1, 12], Gen.Bool, Gen.Bool).Sample((rows, crlf, gzip) =>
        {
            var data = Fer2013Reader.Read(new MemoryStream(Encode(rows, crlf, gzip)), "generated.csv", new DataLoadOptions { Classes = ClassSet.Fer7 });
            for (var usage = 0; usage < 3; usage++)
            {
                var expected = rows.Where(r => r.Usage == usage).ToArray();
                var set = data[(DataSplit)usage];
                Assert.Equal(expected.Length, set.Count);
                for (var i = 0; i < expected.Length; i++)
                {
                    Assert.Equal(expected[i].Label, set.Label(i));
                    Assert.True(set.Frame(i, 0).SequenceEqual(expected[i].Pixels));
                }
            }
        }, iter: 150, threads: 1);
    }

    /// <summary>Damage: flipped, deleted, inserted bytes, or a cut-off end, of a valid file (plain or gzip).</summary>
    private static readonly Gen<(byte[] Valid, int Kind, int Position, byte[] Bytes, bool SkipInvalid)> GenDamage =
        Gen.Select(GenRow.List[1, 4], Gen.Bool, Gen.Bool).Select(t => Encode(t.Item1, t.Item2, t.Item3))
            .SelectMany(valid => Gen.Select(Gen.Const(valid), Gen.Int[0, 3], Gen.Int[0, valid.Length - 1], Gen.Byte.Array[1, 40], Gen.Bool));

    private static byte[] Apply(byte[] valid, int kind, int position, byte[] bytes) => kind switch
    {
        0 => Flip(valid, position, bytes),
        1 => [.. valid[..position], .. valid[Math.Min(valid.Length, position + bytes.Length)..]],
        2 => [.. valid[..position], .. bytes, .. valid[position..]],
        _ => valid[..position],
    };

    private static byte[] Flip(byte[] valid, int position, byte[] bytes)
    {
        var copy = (byte[])valid.Clone();
        for (var i = 0; i < bytes.Length && position + i < copy.Length; i++) copy[position + i] ^= (byte)(bytes[i] | 1);
        return copy;
    }

    [Fact]
    public void Damaged_files_parse_or_throw_DataFormatException_naming_the_file()
    {
        GenDamage.Sample(d =>
        {
            var input = Apply(d.Valid, d.Kind, d.Position, d.Bytes);
            // Its own thread, not the pool's (other tests may hold every pool thread on a loaded machine).
            var read = Task.Factory.StartNew(() => Fer2013Reader.Read(new MemoryStream(input), "damaged.csv", new DataLoadOptions { Classes = ClassSet.Seed6, SkipInvalid = d.SkipInvalid }),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                // A hang is a failure too; the limit is only that guard (a read takes milliseconds).
                Assert.True(read.Wait(TimeSpan.FromMinutes(2)), "the reader hung");
            }
            catch (AggregateException e) when (e.InnerException is DataFormatException format)
            {
                Assert.StartsWith("damaged.csv", format.Message, StringComparison.Ordinal);
            }
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void Arbitrary_bytes_parse_or_throw_DataFormatException()
    {
        Gen.Byte.Array[0, 3000].Sample(bytes =>
        {
            try
            {
                Fer2013Reader.Read(new MemoryStream(bytes), "garbage.csv", new DataLoadOptions { SkipInvalid = bytes.Length % 2 == 0 });
            }
            catch (DataFormatException e)
            {
                Assert.StartsWith("garbage.csv", e.Message, StringComparison.Ordinal);
            }
        }, iter: 500, threads: 1);
    }
}
