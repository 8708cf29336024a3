using DefenseCoop.Data;

namespace DefenseCoop.Tests.Packaging;

/// <summary>
/// The bundled release lives once, in the resource-only assembly DefenseCoop.Core.Data, which every build
/// of the library (IL and each ReadyToRun image) reads; the library's own assembly carries none of it.
/// </summary>
public class ReleaseAssemblyTests
{
    [Fact]
    public void TheLibrary_HoldsNoCopyOfTheRelease_AndTheDataAssemblyHoldsBothForms()
    {
        string[] release = [DefenseCoopCatalog.ResourceName, Snapshot.ResourceName];
        var library = typeof(DefenseCoopCatalog).Assembly;
        var data = System.Reflection.Assembly.Load("DefenseCoop.Core.Data");

        Assert.Empty(library.GetManifestResourceNames().Intersect(release));
        Assert.Equal(release.Order(), data.GetManifestResourceNames().Intersect(release).Order());
        Assert.Equal("DefenseCoop.Core.Data", data.GetName().Name);
        Assert.Empty(data.GetExportedTypes());
    }

    [Fact]
    public void Default_ReadsTheDataAssemblysRelease()
    {
        using var json = DefenseCoopCatalog.OpenResource(DefenseCoopCatalog.ResourceName);
        Assert.NotNull(json);
        var fromJson = DefenseCoopCatalog.Load(json, DefenseCoopCatalog.ResourceName);

        Assert.Equal(fromJson.DataVersion, DefenseCoopCatalog.Default.DataVersion);
        Assert.Equal(fromJson.Agreements.Count(), DefenseCoopCatalog.Default.Agreements.Count());
        Assert.Null(DefenseCoopCatalog.OpenResource("DefenseCoop.Data.absent.json"));
    }
}
