using DefenseCoop.Export;

namespace DefenseCoop.Data;

// The persisted shape of a source, in one place: the data file's transfer objects, the direct
// reader's properties, the parsing of its text into the model record and the kind's model rules (which
// records made in code go through too), the writer back to the file format, and the snapshot's writer
// and reader. Adding a field to the kind changes the model, this file, the JSON Schema and the docs
// (docs/data-format.md, "Where a kind's format lives").

internal sealed class SourceDto : RecordDto
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Publisher { get; set; }
    public string? Title { get; set; }
    public string? Published { get; set; }
    public bool? PublicationDateNotShown { get; set; }
    public string? Language { get; set; }
    public string? Url { get; set; }
    public string? Author { get; set; }
    public string? Edition { get; set; }
    public string? Licence { get; set; }
    public string? BasedOn { get; set; }
}

internal ref partial struct DataFileReader
{
    private static bool SourceMembers(ref DataFileReader r, SourceDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("id"u8)) d.Id = r.Id();
        else if (name.SequenceEqual("kind"u8)) d.Kind = r.String();
        else if (name.SequenceEqual("publisher"u8)) d.Publisher = r.String();
        else if (name.SequenceEqual("title"u8)) d.Title = r.String();
        else if (name.SequenceEqual("published"u8)) d.Published = r.String();
        else if (name.SequenceEqual("publicationDateNotShown"u8)) d.PublicationDateNotShown = r.Bool();
        else if (name.SequenceEqual("language"u8)) d.Language = r.String();
        else if (name.SequenceEqual("url"u8)) d.Url = r.String();
        else if (name.SequenceEqual("author"u8)) d.Author = r.String();
        else if (name.SequenceEqual("edition"u8)) d.Edition = r.String();
        else if (name.SequenceEqual("licence"u8)) d.Licence = r.String();
        else if (name.SequenceEqual("basedOn"u8)) d.BasedOn = r.String();
        else return r.Replaces(d);
        return true;
    }
}

internal sealed partial class DataValidator
{
    private Source ParseSource(SourceDto d, Loc p)
    {
        if (d.PublicationDateNotShown == false)
            Issue(p + ".publicationDateNotShown", DataRule.InvalidValue, "publicationDateNotShown is written only when true; omit it otherwise.");
        return new Source
        {
            Id = ParseId(d.Id, p + ".id", s => new SourceId(s)), Kind = Enum<SourceKind>(d.Kind, p + ".kind"), Publisher = d.Publisher!, Title = d.Title!,
            Published = ParseDate(d.Published, p + ".published"), Language = d.Language!, Url = d.Url, Author = d.Author, Edition = d.Edition,
            Licence = d.Licence, BasedOn = d.BasedOn, PublicationDateNotShown = d.PublicationDateNotShown == true,
        };
    }

    // The kind's model rules, for a file's records once parsed and for records made in code alike.
    private Source? CheckSource(Source s, Loc p, bool? replaces)
    {
        Declared(s.Id.Value, p + ".id", Target.Source, replaces);
        Defined(s.Kind, p + ".kind");
        Text(s.Publisher, p + ".publisher");
        Text(s.Title, p + ".title");
        Text(s.Language, p + ".language");
        Date(s.Published, p + ".published");
        Text(s.Url, p + ".url", false);
        Text(s.Author, p + ".author", false);
        Text(s.Edition, p + ".edition", false);
        Text(s.Licence, p + ".licence", false);
        Text(s.BasedOn, p + ".basedOn", false);
        if (s.PublicationDateNotShown && s.Published is not null)
            Issue(p + ".publicationDateNotShown", DataRule.InvalidValue, "A source with a publication date cannot say that its page shows none.");
        return s;
    }
}

internal static partial class ModelWriter
{
    private static SourceDto Source(Source s) => new()
    {
        Id = s.Id.Value, Kind = s.Kind.ToString(), Publisher = s.Publisher, Title = s.Title, Published = Text(s.Published), Language = s.Language,
        Url = s.Url, Author = s.Author, Edition = s.Edition, Licence = s.Licence, BasedOn = s.BasedOn,
        PublicationDateNotShown = s.PublicationDateNotShown ? true : null,
    };
}

internal static partial class Snapshot
{
    private sealed partial class Writer
    {
        private void Source(Source s)
        {
            w.Write(s.Id.Value); w.Write((int)s.Kind); w.Write(s.Publisher); w.Write(s.Title); Partial(s.Published); w.Write(s.Language);
            Opt(s.Url); Opt(s.Author); Opt(s.Edition); Opt(s.Licence); Opt(s.BasedOn); w.Write(s.PublicationDateNotShown);
        }
    }

    private sealed partial class Reader
    {
        private Source Source() => new()
        {
            Id = new SourceId(Str()), Kind = (SourceKind)r.ReadInt32(), Publisher = Str(), Title = Str(), Published = Partial(), Language = Str(),
            Url = OptStr(), Author = OptStr(), Edition = OptStr(), Licence = OptStr(), BasedOn = OptStr(), PublicationDateNotShown = r.ReadBoolean(),
        };
    }
}

// The kind's columns in the export tables (docs/export.md); ExportTables names and describes the tables.
internal static partial class ExportColumns
{
    public static Columns<Source> Sources() => new Columns<Source>()
            .Text("source_id", "The source's stable id.", s => s.Id.Value, nullable: false)
            .Text("kind", "NewsReport, OfficialStatement, Dataset, TreatyText or ReferenceWork.", s => s.Kind.ToString(), nullable: false)
            .Text("publisher", "The publisher.", s => s.Publisher, nullable: false)
            .Text("title", "The title as published, in its language.", s => s.Title, nullable: false)
            .PartialDate("published", "The publication date", s => s.Published)
            .Text("language", "The language, a BCP 47 tag.", s => s.Language, nullable: false)
            .Text("url", "The address.", s => s.Url)
            .Text("author", "The author.", s => s.Author)
            .Text("edition", "The edition of a dataset or publication.", s => s.Edition)
            .Text("licence", "The licence of a dataset, as its publisher states it.", s => s.Licence)
            .Text("redistribution", "Open, Attribution or Restricted: whether rows citing the source may be redistributed (the rule: SourceTerms.Of).", s => SourceTerms.Of(s).Redistribution.ToString(), nullable: false)
            .Text("citation", "The citation to give.", s => SourceTerms.CitationOf(s), nullable: false)
            .Boolean("publication_date_not_shown", "The page shows no publication date (so a null published is the page's, not an omission).", s => s.PublicationDateNotShown)
            .Text("based_on", "The outlet a report says it draws on.", s => s.BasedOn);
}
