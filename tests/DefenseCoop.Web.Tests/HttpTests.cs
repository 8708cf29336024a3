using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace DefenseCoop.Web.Tests;

/// <summary>HTTP as a user interface expects it: ETags and 304s, compression, 404 for unknown ids, suggestions, a described API.</summary>
public class HttpTests(SampleServer server) : IClassFixture<SampleServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> Send(string path, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        return await server.Client.SendAsync(request, Token);
    }

    [Theory]
    [InlineData("api/countries?q=turk")]
    [InlineData("api/countries/TR/partners")]
    [InlineData("api/dyads/TR/FI/timeline")]
    [InlineData("api/agreements?country=TR&kind=MemorandumOfUnderstanding")]
    [InlineData("api/spending?country=FI&measure=ShareOfGdp")]
    public async Task ARepeatedRequest_IsA304ByItsETag(string path)
    {
        using var first = await Send(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak, "a compressed body is the same answer in other bytes: the tag is weak");
        Assert.Contains("2026.", etag.Tag);   // the data release is part of it
        Assert.Equal("public, max-age=300", first.Headers.CacheControl?.ToString());

        using var again = await Send(path, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Token));

        using var other = await Send(path, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"2020.1-0\"", isWeak: true)));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task TheETag_FollowsTheQuery()
    {
        using var a = await Send("api/countries/TR/partners");
        using var b = await Send("api/countries/TR/partners?from=2020");
        using var c = await Send("api/countries/FI/partners");
        Assert.Equal(3, new[] { a, b, c }.Select(r => r.Headers.ETag!.Tag).Distinct().Count());
        using var same = await Send("api/countries/TR/partners");
        Assert.Equal(a.Headers.ETag, same.Headers.ETag);
    }

    [Fact]
    public async Task AnError_HasNoETag()
    {
        using var response = await Send("api/countries/Atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Json_IsCompressed(string encoding)
    {
        using var response = await Send("api/dyads/TR/FI/timeline", r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        using var plain = await Send("api/dyads/TR/FI/timeline");
        Assert.True((await response.Content.ReadAsByteArrayAsync(Token)).Length * 2 < (await plain.Content.ReadAsByteArrayAsync(Token)).Length,
            "the timeline's JSON compresses to under half, even at the fastest level");
    }

    [Fact]
    public async Task AnUnknownSourceId_Is404_AMalformedOne400()
    {
        using var unknown = await Send("api/sources/no-such-source");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-such-source", (string)JsonNode.Parse(await unknown.Content.ReadAsStringAsync(Token))!["detail"]!);
        using var known = await Send("api/sources/nato-defence-expenditure-2024");
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        using var malformed = await Send("api/sources/No%20Such%20Source");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Theory]
    [InlineData("api/countries/Finlnd", "country", "FI")]
    [InlineData("api/countries/Turky/partners", "country", "TR")]
    [InlineData("api/dyads/TR/Finlnd/timeline", "b", "FI")]
    [InlineData("api/agreements?country=Kazakhstn", "country", "KZ")]
    [InlineData("api/spending?country=Germny", "country", "DE")]
    public async Task AnUnknownName_Is400WithTheClosestCountriesAsSuggestions(string path, string parameter, string first)
    {
        using var response = await Send(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        Assert.Equal([parameter], problem["errors"]!.AsObject().Select(e => e.Key));
        var suggestions = problem["suggestions"]!.AsArray();
        Assert.Equal(first, (string?)suggestions[0]!["code"]);
        Assert.All(suggestions, s => Assert.False(string.IsNullOrEmpty((string?)s!["name"])));
        // The message names them too, for a client that shows only the text.
        Assert.Contains((string)suggestions[0]!["name"]!, (string)problem["detail"]!);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesEveryParameterWithItsBounds()
    {
        var document = JsonNode.Parse(await server.Client.GetStringAsync("openapi/v1.json", Token))!;
        int described = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var parameter in item!["get"]!["parameters"]?.AsArray() ?? [])
            {
                string name = (string)parameter!["name"]!;
                Assert.False(string.IsNullOrWhiteSpace((string?)parameter["description"]), $"{path} {name} has no description");
                var schema = parameter["schema"]!;
                string type = (string)schema["type"]!;
                if (type == "integer")
                {
                    Assert.NotNull(schema["minimum"]);
                    Assert.NotNull(schema["maximum"]);
                }
                else
                {
                    Assert.Equal("string", type);
                    Assert.True(schema["maxLength"] is not null || schema["pattern"] is not null || schema["format"] is not null, $"{path} {name} is an unbounded string");
                }
                described++;
            }
        }
        Assert.True(described >= 40, $"{described} parameters described");
        var take = ((JsonArray)document["paths"]!["/api/agreements"]!["get"]!["parameters"]!).Single(p => (string?)p!["name"] == "take")!["schema"]!;
        Assert.Equal(100, (int)take["maximum"]!);
        var kind = ((JsonArray)document["paths"]!["/api/trade"]!["get"]!["parameters"]!).Single(p => (string?)p!["name"] == "kind")!;
        Assert.Contains("ExportLicencesGranted", (string)kind["description"]!);
    }

    [Fact]
    public async Task TheFavicon_IsServed()
    {
        using var response = await Send("favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]);   // an icon file's header
    }
}
