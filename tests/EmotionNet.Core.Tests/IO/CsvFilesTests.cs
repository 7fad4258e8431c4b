using EmotionNet.Core.IO;

namespace EmotionNet.Core.Tests.IO;

public class CsvFilesTests
{
    [Fact]
    public void Quotes_exactly_the_fields_that_need_it_with_newline_line_ends_and_no_byte_order_mark()
    {
        using var dir = new TestSupport.TempFolder();
        var path = dir.File("x.csv");
        CsvFiles.Write(path, csv =>
        {
            csv.WriteRow(["a", "b"]);
            csv.WriteRow(["plain", "with,comma"]);
            csv.WriteRow(["with \"quote\"", "line\nbreak"]);
            csv.WriteRow([" leading space", ""]);
            csv.WriteField("x");
            csv.WriteEmpty(2);
            csv.NextRecord();
        });

        Assert.Equal("a,b\nplain,\"with,comma\"\n\"with \"\"quote\"\"\",\"line\nbreak\"\n leading space,\nx,,\n", File.ReadAllText(path));
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
    }
}
