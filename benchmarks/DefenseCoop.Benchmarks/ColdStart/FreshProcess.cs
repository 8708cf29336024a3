using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace DefenseCoop.Benchmarks.ColdStart;

/// <summary>
/// What a fresh process does in a cold-start measurement (<c>cold-start &lt;what&gt;</c> as the program's
/// arguments), and how a measurement starts one. The parent times the whole process, runtime start-up
/// included, as a user of a console tool or a serverless function feels it.
/// </summary>
public static class FreshProcess
{
    /// <summary>The work a fresh process may be asked to do.</summary>
    public static readonly string[] Kinds = ["tokenize", "default", "default-jit", "load-json", "nothing"];

    /// <summary>Runs one kind of work in this process and prints its result; 0 on success.</summary>
    public static int Run(string kind)
    {
        var started = Stopwatch.GetTimestamp();
        long result = kind switch
        {
            // The floor: the embedded release tokenized by JsonDocument and its top level walked.
            "tokenize" => Tokenize(),
            // What a user's first line does: the bundled catalog and one indexed query. The parent runs
            // "default" against the package's precompiled image and "default-jit" against the IL alone.
            "default" or "default-jit" => DefenseCoopCatalog.Default.Agreements.Involving("TR").Count(),
            // The same through the JSON path a user's own file takes (full validation), for comparison.
            "load-json" => LoadJson(),
            // The runtime's own start-up and this program's entry, nothing else.
            "nothing" => 0,
            // The load's phases one by one, each the first of its kind in the process.
            "phases" => Phases(),
            _ => throw new ArgumentException($"Unknown cold-start kind '{kind}'; one of {string.Join(", ", Kinds)}.", nameof(kind)),
        };
        Console.WriteLine($"{kind} {result} {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms in process");
        return 0;
    }

    private static long Tokenize()
    {
        using var stream = DefenseCoopCatalog.OpenResource("DefenseCoop.Data.defensecoop.json")!;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        using var document = JsonDocument.Parse(bytes);
        long count = 0;
        foreach (var property in document.RootElement.EnumerateObject())
            count += property.Value.ValueKind == JsonValueKind.Array ? property.Value.GetArrayLength() : 1;
        return count;
    }

    private static long Phases()
    {
        var t = Stopwatch.GetTimestamp();
        using var stream = DefenseCoopCatalog.OpenResource(Data.Snapshot.ResourceName)!;
        Console.Write($"open {Stopwatch.GetElapsedTime(t).TotalMilliseconds:F1} ms; ");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        Console.Write($"read {Stopwatch.GetElapsedTime(t).TotalMilliseconds:F1} ms; ");
        t = Stopwatch.GetTimestamp();
        var content = Data.Snapshot.TryRead(bytes, "bundled")!;
        Console.Write($"snapshot {Stopwatch.GetElapsedTime(t).TotalMilliseconds:F1} ms; ");
        t = Stopwatch.GetTimestamp();
        var catalog = new DefenseCoopCatalog(content);
        Console.Write($"catalog {Stopwatch.GetElapsedTime(t).TotalMilliseconds:F1} ms; ");
        t = Stopwatch.GetTimestamp();
        var tr = catalog.Countries.Resolve("TR");
        Console.Write($"names {Stopwatch.GetElapsedTime(t).TotalMilliseconds:F1} ms; ");
        t = Stopwatch.GetTimestamp();
        _ = catalog.AgreementIndex;
        Console.Write($"index {Stopwatch.GetElapsedTime(t).TotalMilliseconds:F1} ms; ");
        t = Stopwatch.GetTimestamp();
        int count = catalog.Agreements.Involving("TR").Count();
        Console.Write($"query {Stopwatch.GetElapsedTime(t).TotalMilliseconds:F1} ms; ");
        return count;
    }

    private static long LoadJson()
    {
        using var stream = DefenseCoopCatalog.OpenResource("DefenseCoop.Data.defensecoop.json")!;
        return DefenseCoopCatalog.Load(stream, "defensecoop.json").Agreements.Involving("TR").Count();
    }

    /// <summary>
    /// Starts a fresh process of this program doing <paramref name="kind"/>, waits for it, and returns its
    /// wall time from start to exit.
    /// </summary>
    /// <exception cref="InvalidOperationException">The process failed.</exception>
    public static TimeSpan Measure(string kind)
    {
        var info = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string program = typeof(FreshProcess).Assembly.Location;
        string directory = Path.GetDirectoryName(program)!;
        // "default-larger" and "tokenize-larger" are "default" and "tokenize" in the copy whose release is larger.
        string? larger = kind.EndsWith("-larger", StringComparison.Ordinal) ? LargerReleaseCopy(directory) ?? throw new InvalidOperationException(
            "There is no copy of this program with a larger release: run benchmarks/cold-start-larger.sh.") : null;
        if (larger is not null) (program, directory, kind) = (Path.Combine(larger, Path.GetFileName(program)), larger, kind[..^"-larger".Length]);
        else if (kind != "default-jit" && ReadyToRunCopy(directory) is { } copy)
            (program, directory) = (Path.Combine(copy, Path.GetFileName(program)), copy);
        info.ArgumentList.Add("exec");
        // Under BenchmarkDotNet's own process the program's runtimeconfig may sit beside a generated one.
        if (!File.Exists(Path.ChangeExtension(program, ".runtimeconfig.json"))
            && Directory.EnumerateFiles(directory, "*.runtimeconfig.json").FirstOrDefault() is { } config)
        {
            info.ArgumentList.Add("--runtimeconfig");
            info.ArgumentList.Add(config);
        }
        info.ArgumentList.Add(program);
        info.ArgumentList.Add("cold-start");
        info.ArgumentList.Add(kind);
        // The child runs as a user's program would: tiered JIT as configured by default, no inherited knobs.
        foreach (var variable in new[] { "DOTNET_TieredCompilation", "DOTNET_TC_QuickJitForLoops", "DOTNET_ReadyToRun", "DOTNET_TieredPGO" })
            info.Environment.Remove(variable);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("The process did not start.");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (process.ExitCode != 0 || !output.StartsWith(kind, StringComparison.Ordinal))
            throw new InvalidOperationException($"cold-start {kind} failed (exit code {process.ExitCode}): {output}{error}");
        return elapsed;
    }

    /// <summary>
    /// The copy of this program that loads DefenseCoop.Core's precompiled image, as the package gives it on
    /// this machine (built beside the program by the project), or null where the package has no image.
    /// </summary>
    public static string? ReadyToRunCopy(string directory)
    {
        string copy = Path.Combine(directory, "readytorun");
        return File.Exists(Path.Combine(copy, "DefenseCoop.Core.dll")) ? copy : null;
    }

    /// <summary>
    /// The precompiled copy of this program whose release assembly holds a synthetic release ten times the
    /// bundled one (<see cref="LargerRelease"/>), made by benchmarks/cold-start-larger.sh, or null.
    /// </summary>
    public static string? LargerReleaseCopy(string directory)
    {
        string copy = Path.Combine(directory, "readytorun-larger");
        return File.Exists(Path.Combine(copy, "DefenseCoop.Core.Data.dll")) ? copy : null;
    }

    // The dotnet host of the running runtime: <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/dotnet.
    private static string DotnetHost()
    {
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
