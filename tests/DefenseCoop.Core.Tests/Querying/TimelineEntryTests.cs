namespace DefenseCoop.Tests.Querying;

/// <summary>A timeline entry's summary, written when first read, reads, compares and copies as the text it is.</summary>
public class TimelineEntryTests
{
    private static readonly DefenseCoopCatalog Catalog = DefenseCoopCatalog.Default;

    private static IReadOnlyList<TimelineEntry> Entries() => Catalog.Timeline("TR");

    private static string Expected(TimelineEntry e) => e switch
    {
        { Kind: TimelineEntryKind.StatusChanged, Record: Agreement a, StatusChange: { } c } => $"{c.Status}: {a.Title}",
        { Record: Agreement a } => $"{a.Kind}: {a.Title}",
        { Record: TradeFlow f } => $"{f.Kind}: ",
        { Record: Event ev } => $"{ev.Kind}: {ev.Title}",
        _ => throw new InvalidOperationException(),
    };

    [Fact]
    public void Summary_ReadsAsTheKindAndTitle_AndTheSameInstanceEveryTime()
    {
        var entries = Entries();
        Assert.Contains(entries, e => e.Kind == TimelineEntryKind.StatusChanged);
        Assert.Contains(entries, e => e.Kind == TimelineEntryKind.Trade);
        Assert.Contains(entries, e => e.Kind == TimelineEntryKind.Event);
        foreach (var e in entries)
        {
            Assert.StartsWith(Expected(e), e.Summary, StringComparison.Ordinal);
            if (e.Record is not TradeFlow) Assert.Equal(Expected(e), e.Summary);
            Assert.Same(e.Summary, e.Summary);
        }
    }

    [Fact]
    public void Equality_HashAndDeconstruct_UseTheSummaryText_ReadOrNot()
    {
        var read = Entries();
        foreach (var e in read) _ = e.Summary;
        var unread = Entries();
        Assert.Equal(read.Count, unread.Count);
        for (int i = 0; i < read.Count; i++)
        {
            Assert.Equal(read[i].GetHashCode(), unread[i].GetHashCode());
            Assert.Equal(read[i], unread[i]);
            var (date, kind, summary, record, change) = unread[i];
            var given = new TimelineEntry(date, kind, summary, record, change);
            Assert.Equal(given, read[i]);
            Assert.Equal(given.GetHashCode(), read[i].GetHashCode());
            Assert.Equal(read[i].ToString(), given.ToString());
        }
        Assert.NotEqual(read[0], read[0] with { Summary = read[0].Summary + " (edited)" });
    }

    [Fact]
    public void With_KeepsTheSummaryText_AndAGivenSummaryReplacesIt()
    {
        var entries = Entries();
        var agreementEntry = entries.First(e => e.Kind == TimelineEntryKind.AgreementSigned);
        var eventEntry = Fresh(e => e.Kind == TimelineEntryKind.Event);
        var copy = eventEntry with { Record = agreementEntry.Record, Kind = TimelineEntryKind.AgreementSigned };
        Assert.Equal(eventEntry.Summary, copy.Summary);
        var given = Fresh(e => e.Kind == TimelineEntryKind.AgreementSigned) with { Summary = "given" };
        Assert.Equal("given", given.Summary);
    }

    [Fact]
    public void ManyThreadsReadingOneNewEntry_GetOneInstance()
    {
        for (int round = 0; round < 20; round++)
        {
            var entries = Entries().ToList(); // the same entry objects for every thread: a timeline makes a new entry per read
            var seen = new string[8][];
            Parallel.For(0, seen.Length, t => seen[t] = [.. entries.Select(e => e.Summary)]);
            for (int i = 0; i < entries.Count; i++)
                for (int t = 0; t < seen.Length; t++) Assert.Same(entries[i].Summary, seen[t][i]);
        }
    }

    private static TimelineEntry Fresh(Func<TimelineEntry, bool> which) => Entries().First(which);
}
