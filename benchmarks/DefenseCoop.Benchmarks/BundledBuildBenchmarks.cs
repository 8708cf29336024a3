using BenchmarkDotNet.Attributes;
using DefenseCoop.Data;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// A build of the bundled release with a small overlay, as <c>CreateBuilder().AddBundled().AddOverlay(...)</c>
/// and a dependency-injection registration with an overlay make it: the release read from its JSON and
/// validated again, field by field (what <c>AddBundled</c> did), against the release taken as
/// <see cref="DefenseCoopCatalog.Default"/> holds it (compiled snapshot, records trusted) with only the
/// overlay validated. <c>Default</c> is loaded in setup, as a process that already uses it has it.
/// </summary>
[MemoryDiagnoser]
public class BundledBuildBenchmarks
{
    private byte[] _json = null!;
    private DataFragment _overlay = null!;

    /// <summary>Reads the embedded release and makes the overlay: one source and one agreement citing a bundled country.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _json = DefenseCoopCatalog.ReadEmbedded();
        _ = DefenseCoopCatalog.Default;
        var source = new Source { Id = new("our-note"), Kind = SourceKind.OfficialStatement, Publisher = "Us", Title = "Our deal", Language = "en" };
        var deal = new Agreement
        {
            Id = new("our-deal"), Title = "Our deal", Kind = AgreementKind.ProcurementContract, Sources = [source.Id],
            Parties = [new AgreementParty(CountryCode.Parse("TR"), null, PartyRole.Supplier), new AgreementParty(CountryCode.Parse("FI"), null, PartyRole.Recipient)],
        };
        _overlay = DataFragment.FromRecords("overlay", new CatalogRecords { Sources = [source], Agreements = [deal] });
    }

    /// <summary>The release's JSON parsed and validated again with the overlay.</summary>
    [Benchmark(Baseline = true)]
    public int ValidateReleaseAgain() =>
        DataValidator.ValidateFiles([DataFragment.Parse(DefenseCoopCatalog.ResourceName, _json, DataLimits.Default), _overlay], DataLimits.Default).Agreements.Length;

    /// <summary>The release as <c>Default</c> holds it, with the overlay validated against it.</summary>
    [Benchmark]
    public int TrustTheRelease() =>
        DataValidator.ValidateFiles([DataFragment.Bundled(), _overlay], DataLimits.Default).Agreements.Length;
}
