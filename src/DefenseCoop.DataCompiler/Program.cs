using DefenseCoop;
using DefenseCoop.DataCompiler;

// Usage: DefenseCoop.DataCompiler [--check] [--data DIR] [--import RAWDIR]
//   writes DIR/defensecoop.json (and its compact snapshot, DIR/defensecoop.snapshot) from DIR/curated and DIR/imports; --check validates and compares only;
//   --import first re-creates DIR/imports from the public datasets in RAWDIR.
// Usage: DefenseCoop.DataCompiler diff OLD NEW [--markdown] [--data DIR]
//   prints what changed between two releases, record by record (--markdown: the changelog summary); OLD and
//   NEW are versions kept in DIR/releases (2026.1) or data files.
if (args is ["diff", var oldFile, var newFile, .. var diffOptions])
{
    try
    {
        // Files named by path need no data folder; versions are looked up in the repository's (or --data DIR's).
        string releases = args.Contains("--data") || IsInRepository() ? FindDataDirectory(args) : Directory.GetCurrentDirectory();
        return DiffCommand.Run(releases, oldFile, newFile, diffOptions.Contains("--markdown"), Console.Out);
    }
    catch (Exception e) when (e is DefenseCoopDataException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
}
string dataDirectory = FindDataDirectory(args);
bool check = args.Contains("--check");
try
{
    int import = Array.IndexOf(args, "--import");
    if (import >= 0)
    {
        string raw = args.Length > import + 1 ? args[import + 1] : throw new ArgumentException("--import needs the folder of raw datasets.");
        foreach (var (file, content) in DefenseCoop.DataCompiler.Import.ImportStep.Run(raw, dataDirectory))
        {
            string path = Path.Combine(dataDirectory, "imports", file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            Console.WriteLine($"Wrote {path} ({content.Length:N0} bytes).");
        }
    }
    byte[] bytes = ReleaseCompiler.Compile(dataDirectory);
    var release = DefenseCoopCatalog.Load(new MemoryStream(bytes), ReleaseCompiler.OutputFile);
    if (CitationCheck.Problems(release) is { Count: > 0 } problems)
    {
        Console.Error.WriteLine($"The release breaks the citation rules: {problems.Count} problem(s).\n  {string.Join("\n  ", problems)}");
        return 1;
    }
    CitationCheck.WriteReport(release, Console.Out, CountryCode.Parse("TR"));
    string output = Path.Combine(dataDirectory, ReleaseCompiler.OutputFile);
    string snapshotOutput = Path.Combine(dataDirectory, ReleaseCompiler.SnapshotFile);
    byte[] snapshot = ReleaseCompiler.CompileSnapshot(bytes);
    if (check)
    {
        string changelogPath = Path.Combine(dataDirectory, "CHANGELOG.md");
        bool same = File.Exists(output) && File.ReadAllBytes(output).AsSpan().SequenceEqual(bytes)
            && File.Exists(snapshotOutput) && File.ReadAllBytes(snapshotOutput).AsSpan().SequenceEqual(snapshot)
            && File.Exists(changelogPath) && ReleaseCounts.Find(File.ReadAllText(changelogPath), release.DataVersion) == ReleaseCounts.Block(release).ReplaceLineEndings("\n");
        Console.WriteLine(same ? $"{output} and {snapshotOutput} are valid and up to date." : $"The data is valid, but {output} or {snapshotOutput} is out of date: run the compiler without --check.");
        return same ? 0 : 1;
    }
    File.WriteAllBytes(output, bytes);
    File.WriteAllBytes(snapshotOutput, snapshot);
    // The release joins the kept ones, and its counts go into the changelog, written here and nowhere else.
    ReleaseHistory.Keep(dataDirectory, release.DataVersion, bytes);
    string changelog = Path.Combine(dataDirectory, "CHANGELOG.md");
    string text = File.ReadAllText(changelog);
    foreach (var kept in ReleaseHistory.Versions(dataDirectory))
        text = ReleaseCounts.Update(text, kept == release.DataVersion ? release : ReleaseHistory.Load(dataDirectory, kept.ToString()));
    File.WriteAllText(changelog, text);
    Console.WriteLine($"Wrote {output} ({bytes.Length:N0} bytes), {snapshotOutput} ({snapshot.Length:N0} bytes), {ReleaseHistory.PathOf(dataDirectory, release.DataVersion)} and the counts in {changelog}.");
    return 0;
}
catch (DefenseCoopDataException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

static bool IsInRepository()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "DefenseCoop.Core.sln"))) return true;
    return false;
}

static string FindDataDirectory(string[] args)
{
    int i = Array.IndexOf(args, "--data");
    if (i >= 0 && i + 1 < args.Length) return Path.GetFullPath(args[i + 1]);
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "DefenseCoop.Core.sln")) || File.Exists(Path.Combine(dir.FullName, "DefenseCoop.Core.slnx")))
            return Path.Combine(dir.FullName, "data");
    throw new DirectoryNotFoundException("Run inside the repository or pass --data DIR.");
}
