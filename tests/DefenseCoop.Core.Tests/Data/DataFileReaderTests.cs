using System.Text;
using System.Text.Json;
using DefenseCoop.Data;

namespace DefenseCoop.Tests.Data;

/// <summary>
/// The fast reader against the serializer: of every real file the two must make the same objects, and
/// what the fast reader does not expect it must leave to the serializer. (The fuzz test holds the two
/// to the same on ten thousand hostile files.)
/// </summary>
public sealed class DataFileReaderTests
{
    public static TheoryData<string> RealFiles()
    {
        var data = new TheoryData<string>();
        // Every data file of the repository.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestData.RepositoryRoot, "data"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestData.RepositoryRoot, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void RealFiles_AreReadAsTheSerializerReadsThem(string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(TestData.RepositoryRoot, file));

        var fast = DataFileReader.TryRead(bytes, DataLimits.Default);

        Assert.NotNull(fast);
        var serializer = DataFragment.ParseWithSerializer(file, bytes, DataLimits.Default).Dto;
        Assert.Equal(Encoding.UTF8.GetString(ModelWriter.Serialize(serializer)), Encoding.UTF8.GetString(ModelWriter.Serialize(fast)));
    }

    [Theory]
    [InlineData("\"future\": 1", "a property the format does not define")]
    [InlineData("\"schemaVersion\": \"1\"", "a string where a number belongs")]
    [InlineData("\"schemaVersion\": 1.5", "a number that is not an integer")]
    [InlineData("\"sch\\u0065maVersion\": 1", "an escaped property name")]
    [InlineData("\"sources\": {}", "an object where an array belongs")]
    public void UnexpectedInput_IsLeftToTheSerializer(string property, string what)
    {
        string text = Encoding.UTF8.GetString(TestData.Bytes(TestData.Minimal()));
        byte[] bytes = Encoding.UTF8.GetBytes("{ " + property + ",\n" + text[1..]);

        Assert.True(DataFileReader.TryRead(bytes, DataLimits.Default) is null, what);
    }

    [Fact]
    public void EscapedStrings_AreUnescaped()
    {
        var data = TestData.Minimal();
        data["agreements"]![0]!["title"] = "Quote \" and ü";
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(data);
        Assert.Contains("\\u0022", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        var fast = DataFileReader.TryRead(bytes, DataLimits.Default);

        Assert.Equal("Quote \" and ü", fast!.Agreements![0]!.Title);
    }
}
