using System.Globalization;
using NodaTime;

namespace DefenseCoop.Data;

// The stored agreement index's section: the order of the ordinals, the signing days as day numbers, and
// each dictionary of posting lists with its keys in ordinal order (so that the same index writes the same bytes).
internal static partial class Snapshot
{
    private sealed partial class Writer
    {
        private void AgreementIndex(Indexing.StoredAgreementIndex index)
        {
            Ints(index.DateOrder);
            Days(index.SignedEarliest);
            Days(index.SignedLatest);
            Lists(index.Countries, k => k.Value, k => w.Write(k.Value));
            Lists(index.Dyads, k => k.Item1.Value + " " + k.Item2.Value, k => { w.Write(k.Item1.Value); w.Write(k.Item2.Value); });
            Lists(index.StateCountries, k => k.Value, k => w.Write(k.Value));
            Lists(index.StateDyads, k => k.Item1.Value + " " + k.Item2.Value, k => { w.Write(k.Item1.Value); w.Write(k.Item2.Value); });
            Lists(index.Organizations, k => k.Value, k => w.Write(k.Value));
            Lists(index.Systems, k => k.Value, k => w.Write(k.Value));
            Lists(index.Kinds, k => ((int)k).ToString("D4", CultureInfo.InvariantCulture), k => w.Write((int)k));
            Lists(index.Areas, k => ((int)k).ToString("D4", CultureInfo.InvariantCulture), k => w.Write((int)k));
            Lists(index.Statuses, k => ((int)k).ToString("D4", CultureInfo.InvariantCulture), k => w.Write((int)k));
        }

        private void Ints(int[] items)
        {
            w.Write(items.Length);
            foreach (int i in items) w.Write(i);
        }

        private void Days(LocalDate[] days)
        {
            w.Write(days.Length);
            foreach (var day in days) w.Write(day.ToDateOnly().DayNumber);
        }

        private void Lists<TKey>(Dictionary<TKey, int[]> lists, Func<TKey, string> order, Action<TKey> key) where TKey : notnull
        {
            w.Write(lists.Count);
            foreach (var (k, list) in lists.OrderBy(p => order(p.Key), StringComparer.Ordinal))
            {
                key(k);
                Ints(list);
            }
        }
    }

    // Plain loops, one method per key type: this is on the first query's path in a fresh process.
    private sealed partial class Reader
    {
        public Indexing.StoredAgreementIndex AgreementIndex()
        {
            var order = Ints();
            var earliest = Days();
            var latest = Days();
            if (earliest.Length != latest.Length || earliest.Length > order.Length) throw new FormatException("The signing days do not match the ordinals.");
            int count;
            var countries = new Dictionary<CountryCode, int[]>(count = Count());
            for (int i = 0; i < count; i++) countries.Add(CountryCode.Parse(Str()), Ints());
            var dyads = new Dictionary<(CountryCode, CountryCode), int[]>(count = Count());
            for (int i = 0; i < count; i++) dyads.Add((CountryCode.Parse(Str()), CountryCode.Parse(Str())), Ints());
            var stateCountries = new Dictionary<CountryCode, int[]>(count = Count());
            for (int i = 0; i < count; i++) stateCountries.Add(CountryCode.Parse(Str()), Ints());
            var stateDyads = new Dictionary<(CountryCode, CountryCode), int[]>(count = Count());
            for (int i = 0; i < count; i++) stateDyads.Add((CountryCode.Parse(Str()), CountryCode.Parse(Str())), Ints());
            var organizations = new Dictionary<OrganizationId, int[]>(count = Count());
            for (int i = 0; i < count; i++) organizations.Add(new OrganizationId(Str()), Ints());
            var systems = new Dictionary<SystemId, int[]>(count = Count());
            for (int i = 0; i < count; i++) systems.Add(new SystemId(Str()), Ints());
            var kinds = new Dictionary<AgreementKind, int[]>(count = Count());
            for (int i = 0; i < count; i++) kinds.Add((AgreementKind)r.ReadInt32(), Ints());
            var areas = new Dictionary<CooperationArea, int[]>(count = Count());
            for (int i = 0; i < count; i++) areas.Add((CooperationArea)r.ReadInt32(), Ints());
            var statuses = new Dictionary<AgreementStatus, int[]>(count = Count());
            for (int i = 0; i < count; i++) statuses.Add((AgreementStatus)r.ReadInt32(), Ints());
            return new(order, earliest, latest, countries, dyads, stateCountries, stateDyads, organizations, systems, kinds, areas, statuses);
        }

        private int[] Ints()
        {
            var items = new int[Count()];
            for (int i = 0; i < items.Length; i++) items[i] = r.ReadInt32();
            return items;
        }

        private LocalDate[] Days()
        {
            var days = new LocalDate[Count()];
            for (int i = 0; i < days.Length; i++) days[i] = LocalDate.FromDateOnly(DateOnly.FromDayNumber(r.ReadInt32()));
            return days;
        }
    }
}
