using DefenseCoop.Benchmarks.Fixtures;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace DefenseCoop.Benchmarks.Baselines;

/// <summary>
/// The second baseline: the same records in an in-memory SQLite database, with an index on every column
/// the queries filter on, statistics gathered (<c>ANALYZE</c>) and every query prepared once. A query
/// returns row numbers, which are mapped back to the very same record objects, so every implementation
/// returns the same list.
/// </summary>
/// <remarks>
/// Dates are stored as <c>yyyymmdd</c> integers: a partial date as its first and last possible day. The
/// dyad table mirrors the index's dyad lists (one row per unordered pair of an agreement's countries),
/// so SQLite gets the same precomputed key the index has. In-force uses the same envelope the index
/// uses (from the earliest possible start until every change has certainly happened), indexed on both
/// ends, with the exact state checked per candidate in C#, as the index does.
/// </remarks>
public sealed class SqliteCatalog : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Agreement[] _agreements;
    private readonly TradeFlow[] _trade;
    private readonly Event[] _events;
    private readonly SpendingSeries[] _series;

    private readonly SqliteCommand _between, _betweenYears, _countBetweenYears, _anyBetweenYears, _countryKindArea, _countCountryKindArea,
        _inForce, _spendingSeries, _top, _tradeBetweenYears, _tradeBetween, _eventsBetween;

    /// <summary>Loads the fixture's records into a new in-memory database.</summary>
    public SqliteCatalog(CatalogFixture fixture)
    {
        _agreements = [.. fixture.Agreements];
        _trade = [.. fixture.Trade];
        _events = [.. fixture.Events];
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE agreement(ord INTEGER PRIMARY KEY, kind INTEGER NOT NULL, signed_from INTEGER, signed_to INTEGER, force_from INTEGER, force_to INTEGER);
            CREATE TABLE agreement_country(ord INTEGER NOT NULL, country TEXT NOT NULL);
            CREATE TABLE agreement_dyad(ord INTEGER NOT NULL, lo TEXT NOT NULL, hi TEXT NOT NULL);
            CREATE TABLE agreement_area(ord INTEGER NOT NULL, area INTEGER NOT NULL);
            CREATE TABLE trade(ord INTEGER PRIMARY KEY, lo TEXT, hi TEXT, period_from INTEGER, period_to INTEGER);
            CREATE TABLE event_country(ord INTEGER NOT NULL, country TEXT NOT NULL);
            CREATE TABLE spending(series INTEGER NOT NULL, idx INTEGER NOT NULL, country TEXT, measure INTEGER NOT NULL, year INTEGER NOT NULL, value REAL NOT NULL, series_id TEXT NOT NULL);
            """);

        using (var transaction = _connection.BeginTransaction())
        {
            using var agreement = Insert(transaction, "INSERT INTO agreement VALUES ($1, $2, $3, $4, $5, $6)", 6);
            using var country = Insert(transaction, "INSERT INTO agreement_country VALUES ($1, $2)", 2);
            using var dyad = Insert(transaction, "INSERT INTO agreement_dyad VALUES ($1, $2, $3)", 3);
            using var area = Insert(transaction, "INSERT INTO agreement_area VALUES ($1, $2)", 2);
            for (int ord = 0; ord < _agreements.Length; ord++)
            {
                var a = _agreements[ord];
                var envelope = Envelope(a);
                Run(agreement, ord, (int)a.Kind, Day(a.SignedOn?.Earliest), Day(a.SignedOn?.Latest), Day(envelope?.Start), Day(envelope?.End));
                var countries = a.Countries.ToArray();
                foreach (var c in countries) Run(country, ord, c.Value);
                for (int i = 0; i < countries.Length; i++)
                    for (int j = i + 1; j < countries.Length; j++)
                    {
                        var (lo, hi) = Dyad(countries[i], countries[j]);
                        Run(dyad, ord, lo, hi);
                    }
                foreach (var x in a.Areas.Distinct()) Run(area, ord, (int)x);
            }

            using var trade = Insert(transaction, "INSERT INTO trade VALUES ($1, $2, $3, $4, $5)", 5);
            for (int ord = 0; ord < _trade.Length; ord++)
            {
                var f = _trade[ord];
                object? lo = null, hi = null;
                if (f is { Exporter: { } e, Importer: { } i } && e != i) (lo, hi) = Dyad(e, i);
                Run(trade, ord, lo, hi, Day(f.Period?.Earliest), Day(f.Period?.Latest));
            }

            using var eventCountry = Insert(transaction, "INSERT INTO event_country VALUES ($1, $2)", 2);
            for (int ord = 0; ord < _events.Length; ord++)
                foreach (var c in _events[ord].Countries.Distinct()) Run(eventCountry, ord, c.Value);

            // Series ordinals in the order the catalog lists its observations.
            var series = new List<SpendingSeries>();
            var seen = new HashSet<SpendingSeries>(ReferenceEqualityComparer.Instance);
            foreach (var o in fixture.Spending)
                if (seen.Add(o.Series)) series.Add(o.Series);
            _series = [.. series];
            using var spending = Insert(transaction, "INSERT INTO spending VALUES ($1, $2, $3, $4, $5, $6, $7)", 7);
            for (int s = 0; s < _series.Length; s++)
            {
                var observations = _series[s].Observations;
                for (int i = 0; i < observations.Length; i++)
                {
                    var o = observations[i];
                    Run(spending, s, i, o.Country?.Value, (int)o.Measure, o.Year, (double)o.Value, o.Series.Id.Value);
                }
            }
            transaction.Commit();
        }

        Execute("""
            CREATE INDEX agreement_kind ON agreement(kind);
            CREATE INDEX agreement_signed_from ON agreement(signed_from);
            CREATE INDEX agreement_signed_to ON agreement(signed_to);
            CREATE INDEX agreement_force_from ON agreement(force_from);
            CREATE INDEX agreement_force_to ON agreement(force_to);
            CREATE INDEX agreement_country_country ON agreement_country(country);
            CREATE INDEX agreement_country_ord ON agreement_country(ord);
            CREATE INDEX agreement_dyad_pair ON agreement_dyad(lo, hi);
            CREATE INDEX agreement_dyad_ord ON agreement_dyad(ord);
            CREATE INDEX agreement_area_area ON agreement_area(area);
            CREATE INDEX agreement_area_ord ON agreement_area(ord);
            CREATE INDEX trade_pair ON trade(lo, hi);
            CREATE INDEX trade_period_from ON trade(period_from);
            CREATE INDEX trade_period_to ON trade(period_to);
            CREATE INDEX event_country_country ON event_country(country);
            CREATE INDEX event_country_ord ON event_country(ord);
            CREATE INDEX spending_country ON spending(country);
            CREATE INDEX spending_measure ON spending(measure);
            CREATE INDEX spending_year ON spending(year);
            ANALYZE;
            """);

        const string BetweenYears = """
            FROM agreement_dyad d JOIN agreement a ON a.ord = d.ord
            WHERE d.lo = $lo AND d.hi = $hi AND a.signed_from >= $from AND a.signed_to <= $to
            """;
        const string CountryKindArea = """
            FROM agreement a JOIN agreement_country c ON c.ord = a.ord JOIN agreement_area r ON r.ord = a.ord
            WHERE c.country = $country AND a.kind = $kind AND r.area = $area
            """;
        _between = Prepare("SELECT ord FROM agreement_dyad WHERE lo = $lo AND hi = $hi ORDER BY ord", "$lo", "$hi");
        _betweenYears = Prepare($"SELECT a.ord {BetweenYears} ORDER BY a.ord", "$lo", "$hi", "$from", "$to");
        _countBetweenYears = Prepare($"SELECT COUNT(*) {BetweenYears}", "$lo", "$hi", "$from", "$to");
        _anyBetweenYears = Prepare($"SELECT EXISTS (SELECT 1 {BetweenYears})", "$lo", "$hi", "$from", "$to");
        _countryKindArea = Prepare($"SELECT a.ord {CountryKindArea} ORDER BY a.ord", "$country", "$kind", "$area");
        _countCountryKindArea = Prepare($"SELECT COUNT(*) {CountryKindArea}", "$country", "$kind", "$area");
        _inForce = Prepare("SELECT ord FROM agreement WHERE force_from <= $day AND force_to >= $day ORDER BY ord", "$day");
        _spendingSeries = Prepare("SELECT series, idx FROM spending WHERE country = $country AND measure = $measure ORDER BY series, idx", "$country", "$measure");
        _top = Prepare("SELECT series, idx FROM spending WHERE year = $year AND measure = $measure AND country IS NOT NULL ORDER BY value DESC, country, series_id LIMIT $count",
            "$year", "$measure", "$count");
        _tradeBetweenYears = Prepare("SELECT ord FROM trade WHERE lo = $lo AND hi = $hi AND period_from >= $from AND period_to <= $to ORDER BY ord", "$lo", "$hi", "$from", "$to");
        _tradeBetween = Prepare("SELECT ord FROM trade WHERE lo = $lo AND hi = $hi ORDER BY ord", "$lo", "$hi");
        _eventsBetween = Prepare("SELECT a.ord FROM event_country a JOIN event_country b ON b.ord = a.ord WHERE a.country = $a AND b.country = $b ORDER BY a.ord", "$a", "$b");
    }

    /// <summary>As <c>Between(a, b)</c>.</summary>
    public List<Agreement> Between(CountryCode a, CountryCode b)
    {
        var (lo, hi) = Dyad(a, b);
        return Rows(_between, _agreements, lo, hi);
    }

    /// <summary>As <c>Between(a, b).Within(from, to)</c>.</summary>
    public List<Agreement> BetweenSignedWithin(CountryCode a, CountryCode b, int fromYear, int toYear)
    {
        var (lo, hi) = Dyad(a, b);
        return Rows(_betweenYears, _agreements, lo, hi, fromYear * 10000 + 101, toYear * 10000 + 1231);
    }

    /// <summary>As <c>Between(a, b).Within(from, to).Count()</c>.</summary>
    public int CountBetweenSignedWithin(CountryCode a, CountryCode b, int fromYear, int toYear)
    {
        var (lo, hi) = Dyad(a, b);
        return (int)(long)Scalar(_countBetweenYears, lo, hi, fromYear * 10000 + 101, toYear * 10000 + 1231)!;
    }

    /// <summary>As <c>Between(a, b).Within(from, to).Any()</c>.</summary>
    public bool AnyBetweenSignedWithin(CountryCode a, CountryCode b, int fromYear, int toYear)
    {
        var (lo, hi) = Dyad(a, b);
        return (long)Scalar(_anyBetweenYears, lo, hi, fromYear * 10000 + 101, toYear * 10000 + 1231)! != 0;
    }

    /// <summary>As <c>Involving(country).OfKind(kind).InArea(area)</c>.</summary>
    public List<Agreement> CountryKindArea(CountryCode country, AgreementKind kind, CooperationArea area) =>
        Rows(_countryKindArea, _agreements, country.Value, (int)kind, (int)area);

    /// <summary>As <c>Involving(country).OfKind(kind).InArea(area).Count()</c>.</summary>
    public int CountCountryKindArea(CountryCode country, AgreementKind kind, CooperationArea area) =>
        (int)(long)Scalar(_countCountryKindArea, country.Value, (int)kind, (int)area)!;

    /// <summary>As <c>InForceOn(date)</c>: candidates by the envelope, the exact state checked per candidate.</summary>
    public List<Agreement> InForceOn(LocalDate date)
    {
        var candidates = Rows(_inForce, _agreements, Day(date)!);
        candidates.RemoveAll(a => a.StateOn(date) != InForceState.InForce);
        return candidates;
    }

    /// <summary>As <c>Spending.Of(country).Measure(measure)</c>.</summary>
    public List<SpendingObservation> SpendingSeries(CountryCode country, SpendingMeasure measure) => Observations(_spendingSeries, country.Value, (int)measure);

    /// <summary>As <c>Spending.Within(year).Measure(measure).Top(count)</c>.</summary>
    public List<SpendingObservation> Top(int year, SpendingMeasure measure, int count) => Observations(_top, year, (int)measure, count);

    /// <summary>As <c>Trade.Between(a, b).Within(from, to)</c>.</summary>
    public List<TradeFlow> TradeBetween(CountryCode a, CountryCode b, int fromYear, int toYear)
    {
        var (lo, hi) = Dyad(a, b);
        return Rows(_tradeBetweenYears, _trade, lo, hi, fromYear * 10000 + 101, toYear * 10000 + 1231);
    }

    /// <summary>As <c>catalog.Timeline(a, b)</c>: the three lists from SQLite, assembled as the catalog does.</summary>
    public List<TimelineEntry> Timeline(CountryCode a, CountryCode b)
    {
        var (lo, hi) = Dyad(a, b);
        return DefenseCoopCatalog.BuildTimeline(Rows(_between, _agreements, lo, hi), Rows(_tradeBetween, _trade, lo, hi), Rows(_eventsBetween, _events, a.Value, b.Value));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var command in new[] { _between, _betweenYears, _countBetweenYears, _anyBetweenYears, _countryKindArea, _countCountryKindArea, _inForce, _spendingSeries, _top, _tradeBetweenYears, _tradeBetween, _eventsBetween })
            command.Dispose();
        _connection.Dispose();
    }

    /// <summary>The plan SQLite chose for each query, for the README.</summary>
    public IEnumerable<string> Plans()
    {
        foreach (var command in new[] { _betweenYears, _countryKindArea, _inForce, _spendingSeries, _top, _tradeBetweenYears })
        {
            using var explain = _connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (SqliteParameter p in command.Parameters) explain.Parameters.AddWithValue(p.ParameterName, p.Value ?? 0);
            using var reader = explain.ExecuteReader();
            var steps = new List<string>();
            while (reader.Read()) steps.Add(reader.GetString(3));
            yield return $"{command.CommandText.ReplaceLineEndings(" ")}\n    => {string.Join("; ", steps)}";
        }
    }

    private List<T> Rows<T>(SqliteCommand command, T[] records, params ReadOnlySpan<object> values)
    {
        for (int i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        var result = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) result.Add(records[reader.GetInt32(0)]);
        return result;
    }

    private List<SpendingObservation> Observations(SqliteCommand command, params ReadOnlySpan<object> values)
    {
        for (int i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        var result = new List<SpendingObservation>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) result.Add(_series[reader.GetInt32(0)].Observations[reader.GetInt32(1)]);
        return result;
    }

    private static object? Scalar(SqliteCommand command, params ReadOnlySpan<object> values)
    {
        for (int i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        return command.ExecuteScalar();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter(name, 0));
        command.Prepare();
        return command;
    }

    private SqliteCommand Insert(SqliteTransaction transaction, string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (int i = 1; i <= parameters; i++) command.Parameters.Add(new SqliteParameter("$" + i, 0));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (int i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static (string Lo, string Hi) Dyad(CountryCode a, CountryCode b) =>
        string.CompareOrdinal(a.Value, b.Value) <= 0 ? (a.Value, b.Value) : (b.Value, a.Value);

    private static object? Day(LocalDate? date) => date is { } d ? d.Year * 10000 + d.Month * 100 + d.Day : null;

    /// <summary>When an agreement may be in force: the rule of <see cref="AgreementInForce"/>, as the index applies it.</summary>
    private static (LocalDate Start, LocalDate End)? Envelope(Agreement agreement)
    {
        var transitions = new List<(PartialDate Date, bool Starts)>();
        foreach (var change in agreement.StatusHistory)
        {
            bool? starts = change.Status switch
            {
                AgreementStatus.Signed or AgreementStatus.Ratified or AgreementStatus.InForce => true,
                AgreementStatus.Suspended or AgreementStatus.Lifted or AgreementStatus.Expired or AgreementStatus.Terminated => false,
                _ => null,
            };
            if (change.Date is { } date && starts is { } s) transitions.Add((date, s));
        }
        if (transitions.Count == 0 && agreement.SignedOn is { } signed) transitions.Add((signed, true));
        int first = transitions.FindIndex(t => t.Starts);
        if (first < 0) return null;
        var end = transitions[^1].Starts ? LocalDate.MaxIsoValue : transitions.Max(t => t.Date.Latest);
        return (transitions[first].Date.Earliest, end);
    }
}
