using System.Text;
using static LearningStack.MapFormats.Tests.TestFiles;

namespace LearningStack.MapFormats.Tests;

public class DetectAndExportTests
{
    public static TheoryData<MapFormat, string> ExportedFiles => new()
    {
        { MapFormat.KumuXlsx, "map.xlsx" },
        { MapFormat.KumuXlsx, "download" },
        { MapFormat.KumuCsv, "map.zip" },
        { MapFormat.KumuCsv, "download" },
        { MapFormat.KumuJson, "map.json" },
        { MapFormat.GraphMl, "map.graphml" },
        { MapFormat.GraphMl, "map.xml" },
        { MapFormat.LearningStackJson, "map.json" },
        { MapFormat.LearningStackJson, "download" },
    };

    [Theory]
    [MemberData(nameof(ExportedFiles))]
    public void Detect_ExportedFile_FindsItsFormat(MapFormat format, string fileName)
    {
        var bytes = Write(Everything(), format);

        Assert.Equal(format, MapImport.Detect(fileName, bytes.AsSpan(0, Math.Min(bytes.Length, MapImport.DetectBytes))));
    }

    [Theory]
    [InlineData("model.json", """{"name": "x", "elements": [{"type": "STOCK", "name": "A"}]}""", MapFormat.InsightMaker)]
    [InlineData("model.json", """{"engine": "SIMULATION_PACKAGE", "elements": []}""", MapFormat.InsightMaker)]
    [InlineData("blueprint.json", """{"elements": [{"label": "A", "type": "Person"}]}""", MapFormat.KumuJson)]
    [InlineData("elements.csv", "Label,Type\nA,x\n", MapFormat.KumuCsv)]
    [InlineData("notes.txt", "<html></html>", null)]
    [InlineData("picture.png", "\u0089PNG", null)]
    public void Detect_TextFile_UsesContentThenExtension(string fileName, string content, MapFormat? expected)
    {
        Assert.Equal(expected, MapImport.Detect(fileName, Encoding.UTF8.GetBytes(content)));
    }

    [Theory]
    [InlineData(MapFormat.KumuXlsx)]
    [InlineData(MapFormat.KumuCsv)]
    [InlineData(MapFormat.KumuJson)]
    [InlineData(MapFormat.InsightMaker)]
    [InlineData(MapFormat.GraphMl)]
    [InlineData(MapFormat.LearningStackJson)]
    public void Read_RandomBytes_ReportsProblemsAndNeverThrows(MapFormat format)
    {
        var random = new Random(42);
        foreach (var length in new[] { 1, 7, 300, 5000 })
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            if (length > 4)
            {
                bytes[0] = (byte)'P';
                bytes[1] = (byte)'K';
                bytes[2] = 3;
                bytes[3] = 4;
            }

            var result = Read(bytes, format, "file");

            Assert.False(result.Succeeded);
            Assert.Null(result.Document);
            Assert.NotEmpty(result.Problems);
        }
    }

    [Theory]
    [InlineData(MapFormat.KumuXlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx")]
    [InlineData(MapFormat.KumuCsv, "application/zip", ".zip")]
    [InlineData(MapFormat.KumuJson, "application/json", ".json")]
    [InlineData(MapFormat.GraphMl, "application/graphml+xml", ".graphml")]
    [InlineData(MapFormat.LearningStackJson, "application/json", ".json")]
    public void ContentTypeAndFileExtension_EachFormat_AreTheUsualOnes(MapFormat format, string contentType, string extension)
    {
        Assert.Equal((contentType, extension), (MapExport.ContentType(format), MapExport.FileExtension(format)));
    }

    [Fact]
    public void Write_ControlCharactersInXmlFormats_AreDroppedRatherThanFailing()
    {
        var document = new MapDocument(null, null, [new MapElement { Id = "a", Label = "Bell\u0007 here" }], []);

        Assert.Equal("Bell here", ReadOk(Write(document, MapFormat.GraphMl), MapFormat.GraphMl).Elements[0].Label);
        Assert.Equal("Bell here", ReadOk(Write(document, MapFormat.KumuXlsx), MapFormat.KumuXlsx).Elements[0].Label);
    }
}
