using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DefenseCoop.Repository.Tests.Packing;

/// <summary>
/// Package validation's baseline (Directory.Build.targets): the last shipped version where its package can
/// be had, so that a version with no published baseline (a prerelease, offline) still packs. Read from
/// MSBuild's evaluation of DefenseCoop.Core with a package folder the test controls.
/// </summary>
public class PackageBaselineTests
{
    private const string Shipped = "1.0.0";

    private static (string Baseline, string Skipped, int Downloads) Evaluate(string version, string packageFolder, bool require = false)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var argument in new[]
        {
            "msbuild", Repository.PathOf("src", "DefenseCoop.Core", "DefenseCoop.Core.csproj"), "-nologo",
            $"-p:Version={version}", $"-p:NuGetPackageRoot={packageFolder}/", $"-p:DefenseCoopRequireBaseline={require}",
            "-getProperty:PackageValidationBaselineVersion", "-getProperty:_DefenseCoopBaselineSkipped", "-getItem:PackageDownload",
        })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet msbuild exited with {process.ExitCode}: {output}");
        var json = JsonNode.Parse(output)!;
        var downloads = json["Items"]!["PackageDownload"]!.AsArray().Count(d => ((string?)d!["Identity"])?.Equals("DefenseCoop.Core", StringComparison.OrdinalIgnoreCase) == true);
        return ((string?)json["Properties"]!["PackageValidationBaselineVersion"] ?? "", (string?)json["Properties"]!["_DefenseCoopBaselineSkipped"] ?? "", downloads);
    }

    private static string EmptyFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"packages-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public void APrerelease_WithNoBaselinePackage_PacksWithoutValidationAgainstIt()
    {
        string folder = EmptyFolder();
        try
        {
            var (baseline, skipped, downloads) = Evaluate("1.1.0-preview.1", folder);
            Assert.Equal("", baseline);
            Assert.Equal("true", skipped);
            Assert.Equal(0, downloads);   // nothing for restore to fetch, so no NU1101
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AVersion_WhoseBaselineIsRestored_IsValidatedAgainstIt()
    {
        string folder = EmptyFolder();
        try
        {
            string package = Path.Combine(folder, "defensecoop.core", Shipped, $"defensecoop.core.{Shipped}.nupkg");
            Directory.CreateDirectory(Path.GetDirectoryName(package)!);
            File.WriteAllBytes(package, []);
            var (baseline, skipped, downloads) = Evaluate("1.1.0", folder);
            Assert.Equal(Shipped, baseline);
            Assert.Equal("", skipped);
            Assert.Equal(1, downloads);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ARequiredBaseline_IsFetchedEvenWhenAbsent()
    {
        string folder = EmptyFolder();
        try
        {
            Assert.Equal((Shipped, "", 1), Evaluate("1.1.0", folder, require: true));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TheShippedVersion_HasNoBaseline()
    {
        string folder = EmptyFolder();
        try
        {
            Assert.Equal(("", "", 0), Evaluate(Shipped, folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
