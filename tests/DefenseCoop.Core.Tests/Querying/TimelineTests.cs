namespace DefenseCoop.Tests.Querying;

/// <summary>A timeline counts without making entries, reads without allocating once its entries are made, and shares them.</summary>
public class TimelineTests
{
    // A catalog of its own, so that no other test has read its timelines' entries yet.
    private static DefenseCoopCatalog Fresh() => new(DefenseCoopCatalog.Default.Content);

    // How many entries the catalog's timeline index has made so far.
    private static int Made(DefenseCoopCatalog catalog) => catalog.TimelineIndex.EntriesMade;

    [Fact]
    public void CountAndAny_MakeNoEntry()
    {
        var catalog = Fresh();
        var turkiye = catalog.Timeline("TR");
        var dyad = catalog.Timeline("TR", "FI");
        var none = catalog.Timeline("IS", "UY");
        Assert.True(turkiye.Count > 100);
        Assert.True(turkiye.Any() && dyad.Any());
        Assert.False(none.Any());
        Assert.Empty(none);
        // LINQ's Count() and Any() take the count too.
        Assert.Equal(turkiye.Count, Enumerable.Count(turkiye));
        Assert.True(Enumerable.Any(dyad));
        Assert.Equal(0, Made(catalog));

        // Reading a page by position makes only the entries read.
        var page = turkiye.Skip(10).Take(5).ToList();
        Assert.Equal(5, page.Count);
        Assert.Equal(5, Made(catalog));
    }

    [Fact]
    public void Reading_MatchesTheDefinition_AndSharesEntries()
    {
        var catalog = Fresh();
        var timeline = catalog.Timeline("TR", statesOnly: false);
        var definition = DefenseCoopCatalog.BuildTimeline(catalog.Agreements.Involving("TR"), catalog.Trade.Involving("TR"), catalog.Events.Involving("TR"));
        Assert.Equal(definition, timeline);
        var read = timeline.ToList();
        Assert.Equal(read, Enumerable.Range(0, timeline.Count).Select(i => timeline[i]));
        // Every read, and every timeline listing an entry, returns the one object made first.
        var again = catalog.Timeline("TR");
        for (int i = 0; i < read.Count; i++) Assert.Same(read[i], again[i]);
        var finland = catalog.Timeline("TR", "FI").ToList();
        Assert.All(finland, e => Assert.Contains(read, r => ReferenceEquals(r, e)));
        Assert.Equal(timeline.Count, Made(catalog) - finland.Count(e => !read.Contains(e)));
    }

    [Fact]
    public void ReadingInFull_AllocatesNothingOnceTheEntriesAreMade()
    {
        var timeline = Fresh().Timeline("TR");
        int Read()
        {
            int hash = 0;
            foreach (var entry in timeline) hash += (entry.Date?.Year ?? 0) + entry.Summary.Length;
            return hash;
        }
        int first = Read();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int second = Read();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(first, second);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ReadInFull_IsKeptInOrder_ForLaterReadsOfTheSameTimeline_AndReadInPartIsNot()
    {
        var catalog = Fresh();
        var merged = catalog.Timeline("TR").ToList();        // read to the end by merging: kept
        var dyad = catalog.Timeline("TR", "FI");
        using (var partial = dyad.GetEnumerator()) partial.MoveNext();   // read in part: not kept
        Assert.Null(catalog.TimelineIndex.ReadBefore(Lists(dyad)));

        var later = catalog.Timeline("TR");                  // a new timeline of the same country walks what was kept
        Assert.Equal(merged.Count, later.Count);
        var walked = new List<TimelineEntry>();
        foreach (var entry in later) walked.Add(entry);
        Assert.True(merged.Zip(walked).All(p => ReferenceEquals(p.First, p.Second)));
        Assert.True(Enumerable.Range(0, later.Count).All(i => ReferenceEquals(merged[i], later[i])));
        Assert.Equal(DefenseCoopCatalog.BuildTimeline(catalog.Agreements.Involving("TR"), catalog.Trade.Involving("TR"), catalog.Events.Involving("TR")), walked);
        // Its states-only timeline is another: not read yet.
        Assert.Null(catalog.TimelineIndex.ReadBefore(Lists(catalog.Timeline("TR", statesOnly: true))));
    }

    [Fact]
    public void ManyThreadsReadingOneTimeline_GetOneOrderOfTheSameEntries()
    {
        var catalog = Fresh();
        var reads = new List<TimelineEntry>[8];
        Parallel.For(0, reads.Length, i => reads[i] = [.. catalog.Timeline("TR")]);
        Assert.All(reads, read => Assert.True(reads[0].Zip(read).All(p => ReferenceEquals(p.First, p.Second)) && read.Count == reads[0].Count));
    }

    // The four lists of a timeline, read by reflection: the key the index keeps a timeline read in full under.
    private static DefenseCoop.Indexing.TimelineIndex.TimelineLists Lists(Timeline timeline)
    {
        int[] Field(string name) => (int[])typeof(Timeline).GetField(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(timeline)!;
        return new(Field("_signed"), Field("_changed"), Field("_flows"), Field("_events"));
    }

    [Fact]
    public void Timeline_IsReadOnly_AndChecksPositions()
    {
        IList<TimelineEntry> list = DefenseCoopCatalog.Default.Timeline("TR", "FI");
        Assert.True(list.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => list.Add(list[0]));
        Assert.Throws<NotSupportedException>(() => list.RemoveAt(0));
        Assert.Throws<NotSupportedException>(() => list[0] = list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[list.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.Equal(2, list.IndexOf(list[2]));
        Assert.True(list.Contains(list[^1]));
        var copy = new TimelineEntry[list.Count + 1];
        list.CopyTo(copy, 1);
        Assert.Equal(list, copy.Skip(1));
        Assert.Throws<ArgumentException>(() => list.CopyTo(copy, 2));
    }
}
