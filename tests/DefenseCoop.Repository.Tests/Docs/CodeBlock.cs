using System.Text;
using System.Text.RegularExpressions;

namespace DefenseCoop.Repository.Tests.Docs;

/// <summary>
/// A <c>```csharp</c> block of the documentation, as a reader sees it: where it is, its code, and the
/// output its comments show. A line that prints (<c>Console.Write</c>) shows its output in the comment at
/// its end, or in the <c>//</c> lines right under its statement (and under the braces that close it).
/// </summary>
/// <param name="File">The markdown file, relative to the repository's root, with forward slashes.</param>
/// <param name="Line">The 1-based line of the block's opening fence.</param>
/// <param name="Lines">The block's lines, without the fences.</param>
public sealed partial record CodeBlock(string File, int Line, IReadOnlyList<string> Lines)
{
    /// <summary>Gets the 1-based line in <see cref="File"/> of the block's line <paramref name="index"/>.</summary>
    public int FileLine(int index) => Line + 1 + index;

    /// <summary>Gets where the block is, as an editor names it: <c>README.md:20</c>.</summary>
    public string Where => $"{File}:{Line}";

    public override string ToString() => Where;

    /// <summary>Gets whether a line of the block prints.</summary>
    public bool Prints => Lines.Any(l => l.Contains("Console.Write", StringComparison.Ordinal));

    /// <summary>Gets whether the block uses a <c>catalog</c> it does not declare: it continues the tour's first block.</summary>
    public bool Continues => CatalogUse().IsMatch(Code) && !CatalogDeclaration().IsMatch(Code);

    /// <summary>Gets the block's code as one text.</summary>
    public string Code => string.Join('\n', Lines);

    /// <summary>Gets the files the block names in string literals (<c>"trade-register.csv"</c>), which a run needs beside it.</summary>
    public IReadOnlyList<string> NamedFiles => [.. NamedFile().Matches(Code).Select(m => m.Groups[1].Value).Distinct()];

    /// <summary>Gets the number of leading lines that are <c>using</c> directives (or blank), which a program must keep first.</summary>
    public int UsingLines
    {
        get
        {
            int count = 0;
            while (count < Lines.Count && (UsingDirective().IsMatch(Lines[count]) || Lines[count].Trim().Length == 0)) count++;
            return count;
        }
    }

    /// <summary>
    /// The output the block's comments show, line by line, and the printing lines that show none (each a
    /// 1-based line of the file): a block that prints shows all it prints.
    /// </summary>
    public (IReadOnlyList<string> Output, IReadOnlyList<int> Unshown) ShownOutput()
    {
        var output = new List<string>();
        var unshown = new List<int>();
        for (int i = 0; i < Lines.Count; i++)
        {
            if (!Lines[i].Contains("Console.Write", StringComparison.Ordinal)) continue;
            int before = output.Count;
            if (TrailingComment().Match(Lines[i]) is { Success: true } trailing)
            {
                output.Add(trailing.Groups[1].Value.TrimEnd());
                continue;
            }
            // The comments follow the printing statement's last line, and the braces that close its block.
            int end = i;
            while (end + 1 < Lines.Count && !Lines[end].TrimEnd().EndsWith(';') && !Lines[end + 1].TrimStart().StartsWith("//", StringComparison.Ordinal)) end++;
            while (end + 1 < Lines.Count && Lines[end + 1].Trim() == "}") end++;
            for (int j = end + 1; j < Lines.Count && Lines[j].TrimStart().StartsWith("//", StringComparison.Ordinal); j++)
                output.Add(CommentText(Lines[j]));
            if (output.Count == before) unshown.Add(FileLine(i));
        }
        return (output, unshown);
    }

    private static string CommentText(string line)
    {
        string text = line.TrimStart()[2..];
        return (text.StartsWith(' ') ? text[1..] : text).TrimEnd();
    }

    /// <summary>Every <c>```csharp</c> block of a markdown file.</summary>
    public static IEnumerable<CodeBlock> Read(string root, string relativePath)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(root, relativePath));
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp") continue;
            int start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++) code.Add(lines[i]);
            yield return new CodeBlock(relativePath.Replace('\\', '/'), start + 1, code);
        }
    }

    /// <summary>The documentation a reader meets: the README, each package's README, and docs/.</summary>
    public static IReadOnlyList<CodeBlock> All(string root)
    {
        var files = new List<string> { "README.md" };
        files.AddRange(Directory.GetDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, "README.md")).Where(System.IO.File.Exists).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(root, f)));
        files.AddRange(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(root, f)));
        return [.. files.SelectMany(f => Read(root, f))];
    }

    [GeneratedRegex(@"\bcatalog\b")]
    private static partial Regex CatalogUse();

    [GeneratedRegex(@"\bvar\s+catalog\s*=|\bDefenseCoopCatalog\s+catalog\b|\(\s*catalog\s*=")]
    private static partial Regex CatalogDeclaration();

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>]+)?\s*;\s*(//.*)?$")]
    private static partial Regex UsingDirective();

    // A comment after the statement's end: "Console.WriteLine(x);   // 2026.2".
    [GeneratedRegex(@";\s*//\s?(.*)$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"""([A-Za-z0-9_.-]+\.(?:xlsx|csv|json))""")]
    private static partial Regex NamedFile();
}
