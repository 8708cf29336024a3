using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DefenseCoop.Repository.Tests.Docs;

/// <summary>
/// A documentation block made into the program a reader would paste into a new console project: the
/// block itself, after the tour's first block where it continues it, with a console project's implicit
/// usings and no other. Compiled in this process with Roslyn against the packages' assemblies (and
/// ASP.NET Core's and the generic host's, for the blocks that show those); <c>#line</c> directives map
/// every diagnostic to the markdown file's own line.
/// </summary>
internal sealed class ExampleProgram
{
    // A console project's implicit usings (Microsoft.NET.Sdk with ImplicitUsings enabled).
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    // Read once: the metadata of ~250 assemblies is most of a compilation's cost.
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private ExampleProgram(CodeBlock block, IReadOnlyList<CodeBlock> parts, ImmutableArray<Diagnostic> errors, byte[]? image)
    {
        Block = block;
        Parts = parts;
        Errors = errors;
        Image = image;
    }

    public CodeBlock Block { get; }

    /// <summary>Gets the blocks the program is made of, in order: the tour's first block where <see cref="Block"/> continues it, then the block.</summary>
    public IReadOnlyList<CodeBlock> Parts { get; }

    public ImmutableArray<Diagnostic> Errors { get; }

    private byte[]? Image { get; }

    /// <summary>Compiles a block, after <paramref name="tour"/> where the block continues it.</summary>
    public static ExampleProgram Compile(CodeBlock block, CodeBlock tour)
    {
        IReadOnlyList<CodeBlock> parts = block.Continues && block != tour ? [tour, block] : [block];
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "GlobalUsings.g.cs", encoding: Encoding.UTF8),
            CSharpSyntaxTree.ParseText(Source(parts), parse, path: "Program.cs", encoding: Encoding.UTF8),
        };
        var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
        var compilation = CSharpCompilation.Create($"Example_{Math.Abs(block.Where.GetHashCode()):x}", trees, References.Value, options);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return new ExampleProgram(block, parts, errors, result.Success ? image.ToArray() : null);
    }

    /// <summary>The program's text: every part's usings first, then every part's statements, each line mapped to its markdown line.</summary>
    private static string Source(IReadOnlyList<CodeBlock> parts)
    {
        var text = new StringBuilder();
        void Append(CodeBlock part, int from, int to)
        {
            if (from >= to) return;
            text.Append(CultureInfo.InvariantCulture, $"#line {part.FileLine(from)} \"{part.File}\"\n");
            for (int i = from; i < to; i++) text.Append(part.Lines[i]).Append('\n');
        }
        foreach (var part in parts) Append(part, 0, part.UsingLines);
        foreach (var part in parts) Append(part, part.UsingLines, part.Lines.Count);
        return text.ToString();
    }

    /// <summary>Where each error is in the documentation, and what it says.</summary>
    public string DescribeErrors() => string.Join("\n", Errors.Select(e =>
    {
        var where = e.Location.GetMappedLineSpan();
        return $"  {where.Path}:{where.StartLinePosition.Line + 1}: {e.Id}: {e.GetMessage(CultureInfo.InvariantCulture)}";
    }));

    /// <summary>Runs the program in <paramref name="directory"/> and returns what it printed, line by line.</summary>
    public IReadOnlyList<string> Run(string directory, TimeSpan timeout)
    {
        if (Image is null) throw new InvalidOperationException($"{Block.Where} did not compile:\n{DescribeErrors()}");
        var context = new AssemblyLoadContext(Block.Where, isCollectible: true);
        var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var (previousOut, previousDirectory, previousCulture) = (Console.Out, Environment.CurrentDirectory, CultureInfo.CurrentCulture);
        try
        {
            var entry = context.LoadFromStream(new MemoryStream(Image)).EntryPoint!;
            Console.SetOut(output);
            Environment.CurrentDirectory = directory;
            // What a reader in an English-speaking locale sees; the comments show numbers as "6,266,375,659".
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            var run = Task.Run(() =>
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
                object? result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
                if (result is Task task) task.GetAwaiter().GetResult();
            });
            if (!run.Wait(timeout)) throw new TimeoutException($"{Block.Where} ran for more than {timeout.TotalSeconds} s.");
        }
        catch (AggregateException e) when (e.InnerException is TargetInvocationException { InnerException: { } inner })
        {
            throw new InvalidOperationException($"{Block.Where} threw {inner.GetType().Name}: {inner.Message}\nIt printed:\n{output}", inner);
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.CurrentDirectory = previousDirectory;
            CultureInfo.CurrentCulture = previousCulture;
            context.Unload();
        }
        return [.. output.ToString().Split('\n').Select(l => l.TrimEnd()).Reverse().SkipWhile(l => l.Length == 0).Reverse()];
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The runtime's and ASP.NET Core's assemblies and the packages' (with their dependencies), as the
        // test's own build resolved them; not the test frameworks or Roslyn, which no reader's project has.
        string[] excluded = ["xunit", "Microsoft.CodeAnalysis", "testhost", "Microsoft.TestPlatform", "Microsoft.VisualStudio", "DefenseCoop.Repository.Tests"];
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !excluded.Any(x => Path.GetFileName(p).StartsWith(x, StringComparison.OrdinalIgnoreCase)));
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
