using System.Collections.Immutable;
using NodaTime;

namespace DefenseCoop.Benchmarks.Synthetic;

/// <summary>
/// A deterministic, seeded generator of large catalogs with realistic skew, built from the library's
/// own model records (never a second copy of the file format): a few countries sit in most agreements
/// (Zipf-like ranks), agreements have 1–4 parties, every kind, area and status, status histories with
/// partial dates of every precision and qualifier, systems and organizations; trade flows in proportion
/// to the agreements; and spending for every country, year and measure.
/// </summary>
/// <remarks>
/// Two countries, <see cref="FixedA"/> and <see cref="FixedB"/>, are kept out of the random draws and
/// given exactly <see cref="FixedAgreements"/> agreements, <see cref="FixedFlows"/> trade flows and
/// <see cref="FixedEvents"/> events together, at every size: queries on that dyad return the same
/// result at 10k and at 1M agreements, so their time shows how cost grows with the catalog alone.
/// </remarks>
public static class SyntheticCatalog
{
    /// <summary>Bumped whenever the generator's output changes, so cached files are regenerated.</summary>
    public const int GeneratorVersion = 2;

    /// <summary>The default seed.</summary>
    public const int DefaultSeed = 20261123;

    /// <summary>First country of the dyad whose result size is the same at every catalog size.</summary>
    public static readonly CountryCode FixedA = CountryCode.Parse("IS");

    /// <summary>Second country of the fixed dyad.</summary>
    public static readonly CountryCode FixedB = CountryCode.Parse("UY");

    /// <summary>Agreements between <see cref="FixedA"/> and <see cref="FixedB"/> at every size.</summary>
    public const int FixedAgreements = 40;

    /// <summary>Trade flows between the fixed dyad at every size.</summary>
    public const int FixedFlows = 30;

    /// <summary>Events with both countries of the fixed dyad at every size.</summary>
    public const int FixedEvents = 6;

    /// <summary>The first and last signing years.</summary>
    public const int FirstYear = 1990, LastYear = 2025;

    /// <summary>The years spending covers.</summary>
    public const int FirstSpendingYear = 1960, LastSpendingYear = 2025;

    // The heads of the rank order, roughly as in real cooperation data; the rest follow in code order.
    private static readonly string[] Head =
        ["US", "RU", "FR", "GB", "DE", "CN", "TR", "IT", "IL", "IN", "ES", "KR", "SE", "UA", "PL", "NL", "JP", "AU", "CA", "SA", "AE", "PK", "EG", "BR", "FI", "NO"];

    private static readonly AgreementKind[] Kinds = Enum.GetValues<AgreementKind>();
    private static readonly CooperationArea[] Areas = Enum.GetValues<CooperationArea>();
    private static readonly SpendingMeasure[] Measures = Enum.GetValues<SpendingMeasure>();
    private static readonly TradeKind[] TradeKinds = Enum.GetValues<TradeKind>();
    private static readonly SystemCategory[] Categories = Enum.GetValues<SystemCategory>();

    /// <summary>The countries agreements are drawn from, most frequent first (current states of the bundled catalog).</summary>
    public static IReadOnlyList<CountryCode> RankedCountries(DefenseCoopCatalog bundled)
    {
        var current = bundled.Countries.Where(c => !c.IsHistorical && c.Region is not null).Select(c => c.Code)
            .Where(c => c != FixedA && c != FixedB).ToList();
        var head = Head.Select(CountryCode.Parse).Where(current.Contains).ToList();
        return [.. head, .. current.Where(c => !head.Contains(c)).Order()];
    }

    /// <summary>Generates the records of a catalog of <paramref name="agreements"/> agreements, to add to the bundled release.</summary>
    public static CatalogRecords Generate(int agreements, int seed = DefaultSeed) => Generate(DefenseCoopCatalog.Default, agreements, seed);

    /// <summary>
    /// <see cref="Generate(int, int)"/> with every arms-transfer deal given delivery years (the year after the order and
    /// up to two more): the generator's deals have an order year only, and what is counted by delivery needs them.
    /// </summary>
    public static CatalogRecords GenerateWithDeliveries(int agreements)
    {
        var records = Generate(agreements);
        return records with
        {
            Trade = [.. records.Trade.Select(f => f.Deal is { OrderYear: { } year } deal
                ? f with { Deal = deal with { DeliveryYears = [.. Enumerable.Range(year + 1, 1 + (deal.NumberOrdered ?? 0) % 3)] } }
                : f)],
        };
    }

    /// <summary>Generates the records, drawing countries from <paramref name="bundled"/>.</summary>
    public static CatalogRecords Generate(DefenseCoopCatalog bundled, int agreements, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agreements, FixedAgreements);
        var random = new Random(seed);
        var countries = RankedCountries(bundled).ToList();
        var countryDraw = new Zipf(countries.Count, 1.05);
        var currencies = bundled.Countries.ToDictionary(c => c.Code, c => c.Currency);

        // Sources: a few datasets, and news reports in proportion to the agreements.
        var dataset = new Source { Id = "bench-defence-dataset", Kind = SourceKind.Dataset, Publisher = "Bench Institute", Title = "Synthetic military expenditure", Language = "en", Edition = "2026" };
        var register = new Source { Id = "bench-trade-register", Kind = SourceKind.Dataset, Publisher = "Bench Institute", Title = "Synthetic trade register", Language = "en" };
        int newsCount = Math.Max(20, agreements / 25);
        var news = new Source[newsCount];
        for (int i = 0; i < newsCount; i++)
        {
            news[i] = new Source
            {
                Id = $"bench-news-{i:D6}", Kind = i % 5 == 0 ? SourceKind.OfficialStatement : SourceKind.NewsReport,
                Publisher = $"Bench Wire {i % 40}", Title = $"Report {i}", Language = i % 7 == 0 ? "tr" : "en",
                Published = new PartialDate(FirstYear + i % (LastYear - FirstYear + 1), 1 + i % 12, 1 + i % 28),
            };
        }
        var newsDraw = new Zipf(newsCount, 0.6);
        SourceId News() => news[newsDraw.Next(random)].Id;

        // Organizations: companies and ministries of the most active countries.
        int orgCount = Math.Clamp(agreements / 200, 50, 2000);
        var organizations = new Organization[orgCount];
        for (int i = 0; i < orgCount; i++)
        {
            var country = countries[countryDraw.Next(random)];
            organizations[i] = new Organization
            {
                Id = $"bench-org-{i:D4}", Kind = i % 4 == 0 ? OrganizationKind.Ministry : OrganizationKind.Company, Country = country,
                Name = $"Bench {(i % 4 == 0 ? "Ministry" : "Industries")} {i}", Aliases = i % 3 == 0 ? [$"BO{i}"] : [], Sources = [news[i % newsCount].Id],
            };
        }
        var orgDraw = new Zipf(orgCount, 1.0);

        // Systems, each made by one of the organizations.
        int systemCount = Math.Clamp(agreements / 300, 30, 1000);
        var systems = new DefenseSystem[systemCount];
        for (int i = 0; i < systemCount; i++)
        {
            var maker = organizations[orgDraw.Next(random)];
            systems[i] = new DefenseSystem
            {
                Id = $"bench-sys-{i:D4}", Name = $"System {i}", Category = Categories[i % Categories.Length],
                Manufacturer = maker.Id, Country = maker.Country, Sources = [news[i % newsCount].Id],
            };
        }
        var systemDraw = new Zipf(systemCount, 1.0);

        // Agreements: the fixed dyad's first, then the random ones. The fixed dyad's records draw from their
        // own generator, seeded alike at every size, so that their kinds, dates and states (and so every
        // filtered result on the dyad, a year range included) do not depend on how much was drawn before.
        var fixedRandom = new Random(seed ^ 0x5F1ED);
        var agreementList = ImmutableArray.CreateBuilder<Agreement>(agreements);
        for (int i = 0; i < FixedAgreements; i++)
            agreementList.Add(MakeAgreement(fixedRandom, i, [FixedA, FixedB], organizations, orgDraw, systems, systemDraw, News, allowUndated: false));
        var parties = new List<CountryCode>(4);
        for (int i = FixedAgreements; i < agreements; i++)
        {
            int countryParties = Pick(random, [0.12, 0.66, 0.13, 0.09]) + 1;
            parties.Clear();
            while (parties.Count < countryParties)
            {
                var c = countries[countryDraw.Next(random)];
                if (!parties.Contains(c)) parties.Add(c);
            }
            agreementList.Add(MakeAgreement(random, i, parties, organizations, orgDraw, systems, systemDraw, News, allowUndated: true));
        }

        // Trade: one flow per two agreements, plus the fixed dyad's.
        int flowCount = agreements / 2;
        var flows = ImmutableArray.CreateBuilder<TradeFlow>(flowCount + FixedFlows);
        for (int i = 0; i < FixedFlows; i++)
        {
            bool aExports = i % 3 != 0;
            flows.Add(MakeFlow(fixedRandom, i, aExports ? FixedA : FixedB, aExports ? FixedB : FixedA, systems, systemDraw, register.Id, News));
        }
        for (int i = FixedFlows; i < flowCount + FixedFlows; i++)
        {
            var exporter = countries[countryDraw.Next(random)];
            CountryCode? importer;
            if (random.NextDouble() < 0.05) importer = null;
            else
            {
                CountryCode c;
                do c = countries[countryDraw.Next(random)]; while (c == exporter);
                importer = c;
            }
            flows.Add(MakeFlow(random, i, exporter, importer, systems, systemDraw, register.Id, News));
        }

        // Events: one per twenty agreements, plus the fixed dyad's.
        int eventCount = agreements / 20;
        var events = ImmutableArray.CreateBuilder<Event>(eventCount + FixedEvents);
        for (int i = 0; i < eventCount + FixedEvents; i++)
        {
            CountryCode[] involved;
            if (i < FixedEvents) involved = [FixedA, FixedB];
            else
            {
                var a = countries[countryDraw.Next(random)];
                CountryCode b;
                do b = countries[countryDraw.Next(random)]; while (b == a);
                involved = [a, b];
            }
            events.Add(new Event
            {
                Id = $"bench-event-{i:D7}", Kind = (EventKind)(1 + i % 13), Title = $"Event {i}", Date = RandomDate(random, FirstYear, LastYear),
                Countries = [.. involved], Sources = [News()],
            });
        }

        // Spending: every country, measure and year, from one dataset.
        var spending = ImmutableArray.CreateBuilder<SpendingSeries>();
        var points = new SpendingPoint[LastSpendingYear - FirstSpendingYear + 1];
        var spendingCountries = countries.Append(FixedA).Append(FixedB).Order().ToList();
        foreach (var country in spendingCountries)
        {
            // A country's size sets the scale of its figures; the random part keeps values distinct.
            int rank = countries.IndexOf(country);
            double scale = 1e11 / (rank < 0 ? countries.Count : rank + 1);
            foreach (var measure in Measures)
            {
                for (int y = 0; y < points.Length; y++)
                {
                    int year = FirstSpendingYear + y;
                    double value = measure switch
                    {
                        SpendingMeasure.ShareOfGdp or SpendingMeasure.ShareOfGovernmentSpending or SpendingMeasure.EquipmentShare or SpendingMeasure.PersonnelShare
                            or SpendingMeasure.InfrastructureShare or SpendingMeasure.OtherShare => 0.5 + random.NextDouble() * 6,
                        SpendingMeasure.AnnualChange or SpendingMeasure.RealChange => -10 + random.NextDouble() * 25,
                        SpendingMeasure.MilitaryPersonnel => Math.Round(scale / 1e5 * (0.8 + random.NextDouble())),
                        SpendingMeasure.PerCapitaUsd => scale / 1e8 * (0.5 + random.NextDouble()),
                        _ => scale * (0.6 + 0.4 * (year - FirstSpendingYear) / points.Length) * (0.9 + random.NextDouble() * 0.2),
                    };
                    points[y] = new SpendingPoint(year, Math.Round((decimal)value, 2), Estimate: year == LastSpendingYear, Uncertain: random.NextDouble() < 0.01);
                }
                bool local = measure is SpendingMeasure.LocalCurrencyCurrent or SpendingMeasure.LocalCurrencyConstant or SpendingMeasure.BudgetAllocation;
                bool constant = measure is SpendingMeasure.ConstantUsd or SpendingMeasure.LocalCurrencyConstant;
                spending.Add(new SpendingSeries(
                    $"bench-{country.Value.ToLowerInvariant()}-{Slug(measure.ToString())}", country, null, measure,
                    local ? currencies.GetValueOrDefault(country) ?? CurrencyCode.Usd : (CurrencyCode?)null,
                    constant ? PriceBasis.Constant(2023) : PriceBasis.Current,
                    measure == SpendingMeasure.BudgetAllocation ? "Procurement" : null, [], dataset.Id, points));
            }
        }

        return new CatalogRecords
        {
            Sources = [dataset, register, .. news],
            Organizations = [.. organizations],
            Systems = [.. systems],
            Agreements = agreementList.MoveToImmutable(),
            Trade = flows.MoveToImmutable(),
            Events = events.MoveToImmutable(),
            Spending = spending.ToImmutable(),
        };
    }

    private static Agreement MakeAgreement(Random random, int index, IReadOnlyList<CountryCode> countries, Organization[] organizations, Zipf orgDraw,
        DefenseSystem[] systems, Zipf systemDraw, Func<SourceId> news, bool allowUndated)
    {
        var kind = Kinds[Pick(random, [0.22, 0.18, 0.14, 0.08, 0.03, 0.03, 0.05, 0.09, 0.04, 0.03, 0.03, 0.02, 0.02, 0.04])];
        var parties = ImmutableArray.CreateBuilder<AgreementParty>(countries.Count + 1);
        for (int i = 0; i < countries.Count; i++)
        {
            var role = kind switch
            {
                AgreementKind.ArmsEmbargo when countries.Count >= 2 => i == 0 ? PartyRole.Imposer : PartyRole.Target,
                AgreementKind.ProcurementContract when countries.Count >= 2 => i == 0 ? PartyRole.Supplier : PartyRole.Recipient,
                AgreementKind.Ratification => i == 0 ? PartyRole.Ratifier : PartyRole.Subject,
                _ => PartyRole.Party,
            };
            parties.Add(new AgreementParty(countries[i], null, role));
        }
        if (random.NextDouble() < 0.15) parties.Add(new AgreementParty(null, organizations[orgDraw.Next(random)].Id, PartyRole.Party));

        PartialDate? signed = allowUndated && random.NextDouble() < 0.03 ? null : RandomDate(random, FirstYear, LastYear);
        var source = news();
        var history = new List<StatusChange>(4);
        if (random.NextDouble() < 0.25) history.Add(new StatusChange(AgreementStatus.Negotiating, signed is { } s0 && s0.Year > FirstYear ? new PartialDate(s0.Year - 1) : null, [source]));
        if (kind == AgreementKind.ArmsEmbargo)
        {
            history.Add(new StatusChange(AgreementStatus.InForce, signed, [source]));
            if (random.NextDouble() < 0.4) history.Add(new StatusChange(AgreementStatus.Lifted, Later(random, signed), [news()]));
        }
        else
        {
            history.Add(new StatusChange(AgreementStatus.Signed, signed, [source]));
            if (random.NextDouble() < 0.45) history.Add(new StatusChange(random.NextDouble() < 0.5 ? AgreementStatus.Ratified : AgreementStatus.InForce, Later(random, signed), [news()]));
            double end = random.NextDouble();
            if (end < 0.08) history.Add(new StatusChange(AgreementStatus.Terminated, Later(random, signed, 10), [news()]));
            else if (end < 0.14) history.Add(new StatusChange(AgreementStatus.Expired, Later(random, signed, 12), [news()]));
            else if (end < 0.17) history.Add(new StatusChange(AgreementStatus.Suspended, Later(random, signed, 8), [news()]));
        }

        int areaCount = Pick(random, [0.15, 0.45, 0.3, 0.1]);
        var areas = new List<CooperationArea>(areaCount);
        while (areas.Count < areaCount)
        {
            var area = Areas[Math.Min(Areas.Length - 1, (int)(Areas.Length * random.NextDouble() * random.NextDouble() * 1.6))];
            if (!areas.Contains(area)) areas.Add(area);
        }
        int systemCount = Pick(random, [0.6, 0.3, 0.1]);
        var systemIds = new List<SystemId>(systemCount);
        while (systemIds.Count < systemCount)
        {
            var id = systems[systemDraw.Next(random)].Id;
            if (!systemIds.Contains(id)) systemIds.Add(id);
        }
        var sources = random.NextDouble() < 0.3 ? ImmutableArray.Create(source, news()).Distinct().ToImmutableArray() : [source];

        return new Agreement
        {
            Id = $"bench-agreement-{index:D7}",
            Title = $"{kind} {string.Join("–", countries)} {index}",
            Kind = kind,
            Parties = parties.ToImmutable(),
            SignedOn = signed,
            Place = random.NextDouble() < 0.2 ? $"City {random.Next(500)}" : null,
            // The loader keeps a status history in date order, undated changes last.
            StatusHistory = [.. history.OrderBy(h => h.Date is null).ThenBy(h => h.Date ?? default)],
            Areas = [.. areas],
            Systems = [.. systemIds],
            Value = random.NextDouble() < 0.3 ? new Money(Math.Round((decimal)(random.NextDouble() * 1e9), 0), random.NextDouble() < 0.7 ? CurrencyCode.Usd : CurrencyCode.Eur,
                Bound: random.NextDouble() < 0.1 ? ValueBound.AtLeast : ValueBound.Exact) : null,
            Sources = sources,
        };
    }

    private static TradeFlow MakeFlow(Random random, int index, CountryCode exporter, CountryCode? importer, DefenseSystem[] systems, Zipf systemDraw,
        SourceId register, Func<SourceId> news)
    {
        var kind = importer is null
            ? (random.NextDouble() < 0.5 ? TradeKind.DefenseExports : TradeKind.ExportShareOfOutput)
            : TradeKinds[Pick(random, [0.4, 0.1, 0.1, 0.03, 0.12, 0.1, 0.15, 0.0])];
        bool sipri = kind == TradeKind.ArmsTransfer;
        var system = systems[systemDraw.Next(random)];
        int year = FirstYear + random.Next(LastYear - FirstYear + 1);
        return new TradeFlow
        {
            Id = $"bench-flow-{index:D7}",
            Kind = kind,
            Exporter = exporter,
            Importer = importer,
            Period = random.NextDouble() < 0.02 ? null : random.NextDouble() < 0.7 ? new PartialDate(year) : new PartialDate(year, 1 + random.Next(12)),
            Value = kind == TradeKind.ExportShareOfOutput ? null : new Money(Math.Round((decimal)(random.NextDouble() * 5e8), 0), CurrencyCode.Usd),
            Quantity = kind == TradeKind.ExportShareOfOutput ? new Quantity(Math.Round((decimal)(random.NextDouble() * 80), 1), "%") : null,
            Systems = sipri ? [system.Id] : [],
            Deal = sipri ? new ArmsTransferDeal
            {
                Designation = system.Name, OrderYear = year - random.Next(3), NumberOrdered = 1 + random.Next(40),
                TivDelivered = new TrendIndicatorValue(Math.Round((decimal)(random.NextDouble() * 300), 2)),
            } : null,
            Sources = [sipri ? register : news()],
        };
    }

    /// <summary>A date in the years given, of every precision and qualifier: mostly days, then months, years and qualified forms.</summary>
    private static PartialDate RandomDate(Random random, int fromYear, int toYear)
    {
        int year = fromYear + random.Next(toYear - fromYear + 1);
        int month = 1 + random.Next(12);
        int day = 1 + random.Next(28);
        double shape = random.NextDouble();
        return shape switch
        {
            < 0.55 => new PartialDate(year, month, day),
            < 0.75 => new PartialDate(year, month),
            < 0.85 => new PartialDate(year),
            < 0.90 => new PartialDate(year, null, null, (DateQualifier)(1 + random.Next(3))),
            < 0.95 => new PartialDate(year, month, null, (DateQualifier)(1 + random.Next(3))),
            < 0.98 => new PartialDate(year, null, null, DateQualifier.Approximately),
            _ => new PartialDate(year, month, day, DateQualifier.Approximately),
        };
    }

    private static PartialDate? Later(Random random, PartialDate? after, int maxYears = 3)
    {
        if (random.NextDouble() < 0.05) return null;
        int from = (after?.Year ?? FirstYear) + 1;
        return RandomDate(random, Math.Min(from, 9999), Math.Min(from + maxYears, 9999));
    }

    private static int Pick(Random random, ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (var w in weights) total += w;
        double x = random.NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Length - 1;
    }

    private static string Slug(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s.</summary>
    private sealed class Zipf
    {
        private readonly double[] _cumulative;

        public Zipf(int n, double s)
        {
            _cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) _cumulative[i] = sum += 1 / Math.Pow(i + 1, s);
            for (int i = 0; i < n; i++) _cumulative[i] /= sum;
        }

        public int Next(Random random)
        {
            int i = Array.BinarySearch(_cumulative, random.NextDouble());
            return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
        }
    }

    /// <summary>The date of the in-force query: a day in the densest part of the range.</summary>
    public static LocalDate InForceDate => new(2015, 6, 15);
}
