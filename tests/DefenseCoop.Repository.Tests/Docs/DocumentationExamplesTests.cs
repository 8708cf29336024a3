using System.Collections.Concurrent;

namespace DefenseCoop.Repository.Tests.Docs;

/// <summary>
/// Every C# block of README.md, the packages' READMEs and docs/ is a program a reader can paste into a new
/// console project: it compiles as written (a block may continue the tour's first block and use its
/// <c>catalog</c>), and a block that prints prints what its comments show. Blocks that read the public
/// datasets run where ../shared/data/raw has them.
/// </summary>
public class DocumentationExamplesTests
{
    private static readonly IReadOnlyList<CodeBlock> Blocks = CodeBlock.All(Repository.Root);

    private static readonly ConcurrentDictionary<string, ExampleProgram> Programs = new();

    // The files the documentation's examples name, where a reader has them: the public datasets, and the
    // overlay of the hosting sample.
    private static readonly Dictionary<string, string> KnownFiles = new(StringComparer.Ordinal)
    {
        ["SIPRI-Milex-data-1949-2024_2.xlsx"] = "sipri-milex",
        ["trade-register.csv"] = "sipri-arms-transfers",
        ["supplier_1950-2023.csv"] = "sipri-arms-transfers",
        ["recipient_1950-2023.csv"] = "sipri-arms-transfers",
        ["NMC-60-abridged.csv"] = "cow-nmc",
    };

    public static TheoryData<string> BlockNames => [.. Blocks.Select(b => b.Where)];

    public static TheoryData<string> PrintingBlockNames => [.. Blocks.Where(b => b.Prints).Select(b => b.Where)];

    private static ExampleProgram Program(string where) =>
        Programs.GetOrAdd(where, w => ExampleProgram.Compile(Blocks.Single(b => b.Where == w), Blocks[0]));

    [Fact]
    public void TheDocumentationHasItsBlocks()
    {
        Assert.True(Blocks.Count >= 19, $"{Blocks.Count} C# blocks found.");
        Assert.True(Blocks.Count(b => b.Prints) >= 12, "most blocks show what they print");
        Assert.Equal("README.md", Blocks[0].File);
        Assert.False(Blocks[0].Continues, "the tour's first block declares its own catalog");
    }

    [Theory]
    [MemberData(nameof(BlockNames))]
    public void EveryBlock_CompilesAsWritten(string block)
    {
        var program = Program(block);
        Assert.True(program.Errors.IsEmpty,
            $"The C# block at {block} does not compile as a console program{(program.Parts.Count > 1 ? $" after the tour's first block ({program.Parts[0].Where})" : "")}:\n{program.DescribeErrors()}");
    }

    [Theory]
    [MemberData(nameof(PrintingBlockNames))]
    public void EveryPrintingBlock_PrintsWhatItsCommentsShow(string block)
    {
        var program = Program(block);
        var (shown, unshown) = program.Block.ShownOutput();
        Assert.True(unshown.Count == 0, $"{block} prints on line(s) {string.Join(", ", unshown)} of {program.Block.File} but shows no output in a comment under them.");
        Assert.True(program.Errors.IsEmpty, $"{block} does not compile:\n{program.DescribeErrors()}");

        string directory = Path.Combine(Path.GetTempPath(), $"docs-example-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            foreach (var name in program.Parts.SelectMany(p => p.NamedFiles).Distinct())
                Assert.SkipUnless(Provide(name, directory), $"{block} reads {name}, which is not under ../shared/data/raw here; it is compiled only.");
            var expected = program.Parts.Count > 1 ? [.. program.Parts[0].ShownOutput().Output, .. shown] : shown;
            var printed = program.Run(directory, TimeSpan.FromMinutes(3));
            Assert.True(expected.SequenceEqual(printed),
                $"{block} printed other lines than its comments show.\nShown:\n  {string.Join("\n  ", expected)}\nPrinted:\n  {string.Join("\n  ", printed)}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Puts a file a block names into its working directory; false where the file is not to be had.</summary>
    private static bool Provide(string name, string directory)
    {
        string? source = name == "our-deals.json"
            ? Repository.PathOf("samples", "DefenseCoop.Samples.Hosting", "our-deals.json")
            : KnownFiles.TryGetValue(name, out var folder) && Repository.RawData is { } raw ? Path.Combine(raw, folder, name) : null;
        if (source is null || !File.Exists(source)) return false;
        File.CreateSymbolicLink(Path.Combine(directory, name), source);
        return true;
    }
}
