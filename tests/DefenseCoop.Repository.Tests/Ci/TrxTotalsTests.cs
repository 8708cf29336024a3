using System.Diagnostics;

namespace DefenseCoop.Repository.Tests.Ci;

/// <summary>
/// <c>.ci/trx-totals</c>, which gives <c>.ci/run</c> its closing line: every result counted by its
/// outcome, so that skipped tests, which xunit's TRX counters put nowhere, are counted.
/// </summary>
public class TrxTotalsTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Runs the script on the files and returns what it prints.</summary>
    private static string Totals(params string[] files)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add(Repository.PathOf(".ci", "trx-totals"));
        foreach (var file in files) start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"trx-totals exited with {process.ExitCode}: {error}");
        return output.Trim();
    }

    [Fact]
    public void SkippedTests_AreCountedThoughTheCountersOmitThem()
    {
        // The fixture is xunit's own TRX of a run with skipped tests: its counters read
        // total="7" executed="4" passed="3" failed="1" notExecuted="0", with three tests skipped.
        string trx = File.ReadAllText(Fixture("skipped.trx"));
        Assert.Contains("notExecuted=\"0\"", trx);
        Assert.Equal("3 1 3", Totals(Fixture("skipped.trx")));
    }

    [Fact]
    public void SeveralFiles_AreAddedUp() =>
        Assert.Equal("6 2 6", Totals(Fixture("skipped.trx"), Fixture("skipped.trx")));

    [Fact]
    public void OtherOutcomes_CountAsFailedOrSkipped()
    {
        // Error, Timeout and Aborted did not pass; Inconclusive neither passed nor failed.
        Assert.Equal("1 3 1", Totals(Fixture("outcomes.trx")));
    }

    [Fact]
    public void NoFile_IsNoTest()
    {
        Assert.Equal("0 0 0", Totals());
        Assert.Equal("0 0 0", Totals(Path.Combine(Path.GetTempPath(), "no-such-folder", "*.trx")));
    }

    [Fact]
    public void ASkippedTestsName_CannotFakeAnOutcome()
    {
        // A test's name is an attribute value, so its quotes are escaped: outcome=&quot;Passed&quot; is text.
        string path = Path.Combine(Path.GetTempPath(), $"trx-{Guid.NewGuid():N}.trx");
        try
        {
            File.WriteAllText(path, """
                <?xml version="1.0" encoding="utf-8"?>
                <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
                  <Results>
                    <UnitTestResult testName="T(x: &quot; outcome=&quot;Passed&quot;)" outcome="NotExecuted" />
                  </Results>
                  <ResultSummary outcome="Completed"><Counters total="1" executed="0" passed="0" failed="0" /></ResultSummary>
                </TestRun>
                """);
            Assert.Equal("0 0 1", Totals(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
