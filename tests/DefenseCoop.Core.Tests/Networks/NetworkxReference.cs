using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DefenseCoop.Tests.Networks;

/// <summary>
/// networkx, the reference analysts check against: Debian's python3-networkx (2.8.8) under
/// <c>/usr/bin/python3</c>, or the interpreter in DEFENSECOOP_PYTHON. Tests that need it skip, saying
/// why, where it is absent.
/// </summary>
internal static class NetworkxReference
{
    public static string Python { get; } = Environment.GetEnvironmentVariable("DEFENSECOOP_PYTHON") is { Length: > 0 } path ? path : "/usr/bin/python3";

    public static string Script => Path.Combine(TestData.RepositoryRoot, "tests", "DefenseCoop.Core.Tests", "Networks", "networkx_measures.py");

    private static readonly Lazy<string?> Absence = new(() =>
    {
        if (!File.Exists(Python)) return $"Python is not at {Python}: install Debian's python3-networkx (as .ci/run does) or set DEFENSECOOP_PYTHON.";
        var (code, output, error) = Run(["-c", "import networkx, scipy; print(networkx.__version__)"]);
        return code == 0 ? null : $"networkx (with SciPy) cannot be imported by {Python}: apt-get install python3-networkx python3-scipy, as .ci/run does. {error.Trim()}";
    });

    /// <summary>Why networkx cannot be run here, or null when it can.</summary>
    public static string? Missing => Absence.Value;

    public static void SkipWhenMissing() => Assert.SkipWhen(Missing is not null, Missing ?? "");

    /// <summary>Runs a command of the script and returns what it printed, failing the test on a non-zero exit.</summary>
    public static string RunScript(params string[] arguments)
    {
        var (code, output, error) = Run([Script, .. arguments]);
        Assert.True(code == 0, $"networkx_measures.py {string.Join(' ', arguments)} failed ({code}): {error}");
        return output;
    }

    public static JsonNode Json(params string[] arguments) => JsonNode.Parse(RunScript(arguments))!;

    private static (int Code, string Output, string Error) Run(string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
