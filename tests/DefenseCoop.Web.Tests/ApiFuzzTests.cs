using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DefenseCoop.Web.Tests;

/// <summary>
/// A seeded fuzz test of the API: generated paths and query strings, valid, at the edges and hostile.
/// No request may be a 500; every 400 is a problem naming a parameter the request gave (or needed), and
/// only an unknown id is a 404.
/// </summary>
public class ApiFuzzTests(SampleServer server) : IClassFixture<SampleServer>
{
    private const int Seed = 20261207;
    private const int Requests = 600;

    private sealed record Endpoint(string Template, string[] Query);

    private static readonly Endpoint[] Endpoints =
    [
        new("api/countries", ["q"]),
        new("api/countries/{country}", []),
        new("api/countries/{country}/partners", ["from", "to"]),
        new("api/countries/{country}/timeline", []),
        new("api/dyads/{a}/{b}/timeline", []),
        new("api/agreements", ["country", "partner", "organization", "system", "kind", "area", "status", "signedFrom", "signedTo", "inForceOn", "possiblyInForceOn", "order", "skip", "take"]),
        new("api/spending", ["country", "organization", "measure", "from", "to", "publisher", "source", "policy"]),
        new("api/trade", ["country", "exporter", "importer", "partner", "kind", "orderedFrom", "orderedTo", "deliveredFrom", "deliveredTo"]),
        new("api/sources/{id}", []),
        new("api/about", []),
    ];

    // Values a client might send: good ones, ones at the edges of every range, and hostile text.
    private static readonly string[] Values =
    [
        "TR", "FI", "Türkiye", "Finland", "tur", "XX", "Atlantis", "Congo", "Korea", "aselsan", "Bayraktar TB2", "nato-defence-expenditure-2024",
        "2023", "2023-03", "2023-03-01", "early 2023", "approximately 2022", "2023-02-30", "2023-13", "0001", "0001-01-01", "1799", "1800", "2200", "2201",
        "9999", "9999-12-31", "10000", "-1", "0", "1", "20", "100", "101", "2147483647", "2147483648", "99999999999999999999", "1e3", "0x10", " 5", "5 ",
        "MemorandumOfUnderstanding", "ArmsEmbargo,CoProduction", "1", "memorandumofunderstanding", ",", ",,", "Mou,", "ShareOfGdp", "CurrentUsd,ShareOfGdp",
        "ArmsTransfer", "ExportLicencesGranted", "desc", "asc", "DESC", "sideways", "median", "prefer:", "prefer:,", "prefer:nato-defence-expenditure-2024",
        "prefer:no-such", "none", "", " ", "\t", "%", "%00", "../..", "a/b", "?", "&", "=", "#", "'; DROP TABLE x; --", "<script>", "🙂", "\u0000", "\u200B",
        "İstanbul", "ı", "NaN", "null", "true", "[]", "{}",
    ];

    private static string Hostile(Random random)
    {
        int length = random.Next(4) switch { 0 => random.Next(0, 5), 1 => random.Next(5, 40), 2 => random.Next(40, 120), _ => random.Next(120, 400) };
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
            text.Append(random.Next(5) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0xA0, 0x2FF),
                2 => "0123456789-,:"[random.Next(13)],
                3 => (char)random.Next(0x400, 0x4FF),
                _ => "abcdefghijklmnopqrstuvwxyz"[random.Next(26)],
            });
        return text.ToString();
    }

    private static string Value(Random random) => random.Next(4) == 0 ? Hostile(random) : Values[random.Next(Values.Length)];

    private static (string Path, HashSet<string> Named) Generate(Random random)
    {
        var endpoint = Endpoints[random.Next(Endpoints.Length)];
        var named = new HashSet<string>(StringComparer.Ordinal);
        string path = endpoint.Template;
        foreach (var segment in new[] { "country", "a", "b", "id" })
        {
            if (!path.Contains($"{{{segment}}}", StringComparison.Ordinal)) continue;
            named.Add(segment);
            string value = Value(random);
            path = path.Replace($"{{{segment}}}", Uri.EscapeDataString(value.Length == 0 ? "x" : value), StringComparison.Ordinal);
        }
        var query = new List<string>();
        foreach (var name in endpoint.Query)
        {
            if (random.Next(3) != 0) continue;
            named.Add(name);
            query.Add($"{name}={Uri.EscapeDataString(Value(random))}");
            if (random.Next(10) == 0) query.Add($"{name}={Uri.EscapeDataString(Value(random))}");   // a repeated parameter
        }
        if (random.Next(10) == 0) query.Add($"{Uri.EscapeDataString(Hostile(random))}={Uri.EscapeDataString(Value(random))}");   // one the API does not read
        return (query.Count == 0 ? path : $"{path}?{string.Join('&', query)}", named);
    }

    [Fact]
    public async Task GeneratedRequests_AreNever500_AndEvery400NamesAParameter()
    {
        var random = new Random(Seed);
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();
        for (int i = 0; i < Requests; i++)
        {
            var (path, named) = Generate(random);
            using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
            int status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            string? problem = status switch
            {
                // Kestrel itself refuses a NUL byte in the path and a request line over its 8 KiB limit,
                // before the application sees the request.
                400 when path.Split('?')[0].Contains("%00", StringComparison.Ordinal) => null,
                414 when path.Length > 8 * 1024 => null,
                >= 500 => "a server error",
                400 => NamesAParameter(response, body, named),
                404 when !path.StartsWith("api/sources/", StringComparison.Ordinal) => "404 for something that is not an id",
                200 => JsonNode.Parse(body) is null ? "200 without JSON" : null,
                404 => null,
                _ => $"an unexpected status",
            };
            if (problem is not null) failures.Add($"GET /{path} -> {status}: {problem}: {body[..Math.Min(body.Length, 300)]}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {Requests} requests (seed {Seed}) went wrong:\n{string.Join("\n", failures.Take(20))}");
        // The generator reaches both answers: the test is not only of refusals.
        Assert.True(statuses.GetValueOrDefault(200) > Requests / 10, $"statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}");
        Assert.True(statuses.GetValueOrDefault(400) > Requests / 10, $"statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}");
    }

    private static string? NamesAParameter(HttpResponseMessage response, string body, HashSet<string> named)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return "a 400 that is not a problem";
        var errors = JsonNode.Parse(body)?["errors"]?.AsObject();
        if (errors is null || errors.Count != 1) return "a 400 that names no single parameter";
        string parameter = errors.Single().Key;
        return named.Contains(parameter) ? null : $"a 400 naming '{parameter}', which the request did not give";
    }
}
