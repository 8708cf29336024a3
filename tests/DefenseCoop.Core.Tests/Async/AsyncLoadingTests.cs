using System.Collections.Immutable;
using System.Text.Json.Nodes;
using DefenseCoop.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace DefenseCoop.Tests.Async;

/// <summary>LoadAsync, LoadFileAsync, BuildAsync and ValidateDefenseCoopAsync: the same answers as their synchronous twins, and cancellation.</summary>
public sealed class AsyncLoadingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("defensecoop-async-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, JsonNode body)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, TestData.Bytes(body));
        return path;
    }

    private static CancellationToken Cancelled => new(canceled: true);

    // ---- LoadAsync / LoadFileAsync ----

    [Fact]
    public async Task LoadAsync_ReadsWhatLoadReads_AndLeavesTheStreamOpen()
    {
        var stream = new MemoryStream(TestData.Bytes(TestData.Minimal()));
        var catalog = await DefenseCoopCatalog.LoadAsync(stream, "test.json", cancellationToken: TestContext.Current.CancellationToken);
        var expected = TestData.Load(TestData.Minimal());
        Assert.Equal(expected.DataVersion, catalog.DataVersion);
        Assert.Equal(expected.Agreements.Select(a => a.Id), catalog.Agreements.Select(a => a.Id));
        Assert.Equal(expected.Spending.Select(o => o.Value), catalog.Spending.Select(o => o.Value));
        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task LoadAsync_ReadsAStreamOfUnknownLengthInPieces()
    {
        var stream = new TrickleStream(TestData.Bytes(TestData.Minimal()), pieceSize: 7);
        var catalog = await DefenseCoopCatalog.LoadAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(new DataVersion(2026, 1), catalog.DataVersion);
        Assert.True(stream.ReadsAsync > 1);
        Assert.Equal(0, stream.ReadsSync);
    }

    [Fact]
    public async Task LoadAsync_RefusesAStreamBeyondTheLimit_ListingTheIssue()
    {
        byte[] bytes = TestData.Bytes(TestData.Minimal());
        var limits = DataLimits.Default with { MaxFileBytes = bytes.Length - 1 };
        var refused = await Assert.ThrowsAsync<DefenseCoopDataException>(() =>
            DefenseCoopCatalog.LoadAsync(new TrickleStream(bytes, 100), "big.json", limits, TestContext.Current.CancellationToken));
        Assert.Equal(DataRule.LimitExceeded, Assert.Single(refused.Issues).Rule);
        Assert.Equal("big.json", refused.Issues[0].File);
    }

    [Fact]
    public async Task LoadAsync_InvalidData_ThrowsTheSameIssuesAsLoad()
    {
        var data = TestData.Minimal();
        data["countries"]![0]!["numeric"] = "792";
        var expected = TestData.Refuse(data);
        var refused = await Assert.ThrowsAsync<DefenseCoopDataException>(() =>
            DefenseCoopCatalog.LoadAsync(new MemoryStream(TestData.Bytes(data)), "test.json", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(expected.Issues, refused.Issues);
    }

    [Fact]
    public async Task LoadAsync_AlreadyCancelled_ReadsNothing()
    {
        var stream = new TrickleStream(TestData.Bytes(TestData.Minimal()), 7);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DefenseCoopCatalog.LoadAsync(stream, cancellationToken: Cancelled));
        Assert.Equal(0, stream.ReadsAsync + stream.ReadsSync);
    }

    [Fact]
    public async Task LoadAsync_CancelledWhileReading_Stops()
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new StallingStream();
        var loading = DefenseCoopCatalog.LoadAsync(stream, cancellationToken: cancellation.Token);
        await stream.Stalled.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.False(loading.IsCompleted);
        cancellation.Cancel();
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loading);
        Assert.Equal(cancellation.Token, thrown.CancellationToken);
    }

    [Fact]
    public async Task LoadAsync_NullStream_Throws() =>
        await Assert.ThrowsAsync<ArgumentNullException>(() => DefenseCoopCatalog.LoadAsync(null!, cancellationToken: TestContext.Current.CancellationToken));

    [Fact]
    public async Task LoadFileAsync_ReadsAFile()
    {
        string path = Write("release.json", TestData.Minimal());
        var catalog = await DefenseCoopCatalog.LoadFileAsync(path, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(new DataVersion(2026, 1), catalog.DataVersion);
        Assert.Single(catalog.Agreements);
    }

    [Fact]
    public async Task LoadFileAsync_InvalidData_NamesTheFile()
    {
        var data = TestData.Minimal();
        data["countries"]![0]!["numeric"] = "792";
        string path = Write("broken.json", data);
        var refused = await Assert.ThrowsAsync<DefenseCoopDataException>(() => DefenseCoopCatalog.LoadFileAsync(path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(path, Assert.Single(refused.Issues).File);
    }

    [Fact]
    public async Task LoadFileAsync_Cancelled_Throws()
    {
        string path = Write("release.json", TestData.Minimal());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DefenseCoopCatalog.LoadFileAsync(path, cancellationToken: Cancelled));
    }

    [Fact]
    public async Task AMissingFile_IsAFileNotFoundExceptionNamingThePath()
    {
        string path = Path.Combine(_directory, "no-such-release.json");
        string inMissingFolder = Path.Combine(_directory, "no-such-folder", "release.json");

        foreach (var missing in new[] { path, inMissingFolder })
        {
            var sync = Assert.Throws<FileNotFoundException>(() => DefenseCoopCatalog.LoadFile(missing));
            var async = await Assert.ThrowsAsync<FileNotFoundException>(() => DefenseCoopCatalog.LoadFileAsync(missing, cancellationToken: TestContext.Current.CancellationToken));
            var built = Assert.Throws<FileNotFoundException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(missing).Build());
            var builtAsync = await Assert.ThrowsAsync<FileNotFoundException>(() => DefenseCoopCatalog.CreateBuilder().AddFile(missing).BuildAsync(TestContext.Current.CancellationToken));
            foreach (var e in new[] { sync, async, built, builtAsync })
            {
                Assert.Equal(missing, e.FileName);
                Assert.Contains(missing, e.Message, StringComparison.Ordinal);
            }
        }
    }

    // ---- BuildAsync ----

    [Fact]
    public async Task BuildAsync_BuildsWhatBuildBuilds()
    {
        string file = Write("release.json", TestData.Minimal());
        var importer = new CountingImporter();
        var expected = DefenseCoopCatalog.CreateBuilder().AddFile(file).AddImporter(importer).Build();
        var built = await DefenseCoopCatalog.CreateBuilder().AddFile(file).AddImporter(importer).BuildAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected.DataVersion, built.DataVersion);
        Assert.Equal(expected.Sources.Select(s => s.Id), built.Sources.Select(s => s.Id));
        Assert.Contains(built.Sources, s => s.Id == "imported");
        Assert.Equal(2, importer.Imports);
    }

    [Fact]
    public async Task BuildAsync_WithTheBundledRelease_MatchesDefault()
    {
        var built = await DefenseCoopCatalog.CreateBuilder().AddBundled().BuildAsync(TestContext.Current.CancellationToken);
        Assert.Equal(DefenseCoopCatalog.Default.DataVersion, built.DataVersion);
        Assert.Equal(DefenseCoopCatalog.Default.Agreements.Count(), built.Agreements.Count());
    }

    [Fact]
    public async Task BuildAsync_WithoutData_SaysWhatToAdd() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => DefenseCoopCatalog.CreateBuilder().AddImporter(new CountingImporter()).BuildAsync(TestContext.Current.CancellationToken));

    [Fact]
    public async Task BuildAsync_AlreadyCancelled_RunsNoImporter()
    {
        var importer = new CountingImporter();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DefenseCoopCatalog.CreateBuilder().AddFile(Write("release.json", TestData.Minimal())).AddImporter(importer).BuildAsync(Cancelled));
        Assert.Equal(0, importer.Imports);
    }

    [Fact]
    public async Task BuildAsync_CancelledWhileAnImporterReads_Stops()
    {
        using var cancellation = new CancellationTokenSource();
        var importer = new StallingImporter();
        var after = new CountingImporter();
        var building = DefenseCoopCatalog.CreateBuilder().AddFile(Write("release.json", TestData.Minimal()))
            .AddImporter(importer).AddImporter(after).BuildAsync(cancellation.Token);
        await importer.Stalled.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => building);
        Assert.Equal(0, after.Imports);
    }

    // ---- ValidateDefenseCoopAsync ----

    [Fact]
    public async Task ValidateDefenseCoopAsync_BuildsOnce_AndResolvesReturnThatCatalog()
    {
        int configured = 0;
        string file = Write("release.json", TestData.Minimal());
        var services = new ServiceCollection();
        services.AddDefenseCoop(c => { configured++; c.AddFile(file); });
        using var provider = services.BuildServiceProvider();

        var validated = await provider.ValidateDefenseCoopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new DataVersion(2026, 1), validated.DataVersion);
        Assert.Same(validated, provider.GetRequiredService<DefenseCoopCatalog>());
        Assert.Same(validated, await provider.ValidateDefenseCoopAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, configured);
    }

    [Fact]
    public async Task ValidateDefenseCoopAsync_WithNothingConfigured_IsTheDefaultCatalog()
    {
        using var provider = new ServiceCollection().AddDefenseCoop().Services.BuildServiceProvider();
        Assert.Same(DefenseCoopCatalog.Default, await provider.ValidateDefenseCoopAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ValidateDefenseCoopAsync_Cancelled_LeavesNothingBehind()
    {
        var importer = new StallingImporter();
        var services = new ServiceCollection();
        services.AddDefenseCoop(c => c.AddFile(Write("release.json", TestData.Minimal())).AddImporter(importer));
        using var provider = services.BuildServiceProvider();
        using var cancellation = new CancellationTokenSource();

        var validating = provider.ValidateDefenseCoopAsync(cancellation.Token);
        await importer.Stalled.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => validating);

        importer.Stall = false;
        var catalog = provider.GetRequiredService<DefenseCoopCatalog>();
        Assert.Contains(catalog.Sources, s => s.Id == "imported");
    }

    [Fact]
    public async Task ValidateDefenseCoopAsync_InvalidData_ThrowsTheLoadersException()
    {
        var data = TestData.Minimal();
        data["countries"]![0]!["numeric"] = "792";
        string file = Write("broken.json", data);
        using var provider = new ServiceCollection().AddDefenseCoop(c => c.AddFile(file)).Services.BuildServiceProvider();

        var refused = await Assert.ThrowsAsync<DefenseCoopDataException>(() => provider.ValidateDefenseCoopAsync(TestContext.Current.CancellationToken));
        Assert.Equal(file, Assert.Single(refused.Issues).File);
    }

    [Fact]
    public async Task ValidateDefenseCoopAsync_KeepsTheApplicationsOwnCatalog()
    {
        var own = TestData.Load(TestData.Minimal());
        var services = new ServiceCollection();
        services.AddSingleton(own);
        services.AddDefenseCoop();
        using var provider = services.BuildServiceProvider();
        Assert.Same(own, await provider.ValidateDefenseCoopAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ValidateDefenseCoopAsync_WithoutRegistration_SaysSo()
    {
        using var provider = new ServiceCollection().BuildServiceProvider();
        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.ValidateDefenseCoopAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentNullException>(() => ((IServiceProvider)null!).ValidateDefenseCoopAsync(TestContext.Current.CancellationToken));
    }

    // ---- helpers ----

    private static CatalogRecords ImportedRecords() => new()
    {
        Sources = [new Source { Id = "imported", Kind = SourceKind.Dataset, Publisher = "Test", Title = "Imported", Language = "en" }],
    };

    /// <summary>An importer with only the synchronous Import: BuildAsync runs it through the default ImportAsync.</summary>
    private sealed class CountingImporter : IDataImporter
    {
        public int Imports;
        public string Name => "counting";
        public CatalogRecords Import(ImportContext context)
        {
            Interlocked.Increment(ref Imports);
            return ImportedRecords();
        }
    }

    /// <summary>An importer whose asynchronous read waits until it is cancelled (while <see cref="Stall"/> is set).</summary>
    private sealed class StallingImporter : IDataImporter
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public volatile bool Stall = true;
        public Task Stalled => _stalled.Task;
        public string Name => "stalling";
        public CatalogRecords Import(ImportContext context) => ImportedRecords();
        public async ValueTask<CatalogRecords> ImportAsync(ImportContext context, CancellationToken cancellationToken)
        {
            if (Stall)
            {
                _stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return ImportedRecords();
        }
    }

    /// <summary>A stream of unknown length that hands out a few bytes per read, counting synchronous and asynchronous reads.</summary>
    private sealed class TrickleStream(byte[] bytes, int pieceSize) : Stream
    {
        private int _position;
        public int ReadsSync, ReadsAsync;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            ReadsSync++;
            return Take(buffer.AsSpan(offset, count));
        }
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadsAsync++;
            return ValueTask.FromResult(Take(buffer.Span));
        }
        private int Take(Span<byte> destination)
        {
            int n = Math.Min(Math.Min(pieceSize, destination.Length), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(destination);
            _position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A stream whose asynchronous read never completes until it is cancelled.</summary>
    private sealed class StallingStream : Stream
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task Stalled => _stalled.Task;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Read synchronously.");
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
