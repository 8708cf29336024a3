using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace DefenseCoop.Samples.Web;

/// <summary>
/// ETags and Cache-Control for the API. The catalog never changes while the server runs, so an answer is
/// fixed by the data release, the API's own build and the request's path and query: the ETag is a hash of
/// those, known before any work is done. A request whose If-None-Match holds it is answered 304 at once.
/// </summary>
internal static class HttpCaching
{
    /// <summary>
    /// How long a client may reuse an answer without asking: a server may be restarted on a newer release,
    /// so not forever; the ETag makes asking again after that cheap.
    /// </summary>
    public const string CacheControl = "public, max-age=300";

    // The sample's own build: a new build may answer the same query differently.
    private static readonly string Build = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The ETag of a request's answer: weak, since a compressed body is the same answer in other bytes.</summary>
    public static EntityTagHeaderValue ETagFor(DefenseCoopCatalog catalog, HttpRequest request)
    {
        string key = $"{catalog.DataVersion}\n{Build}\n{request.Path}{request.QueryString}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new EntityTagHeaderValue($"\"{catalog.DataVersion}-{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"", isWeak: true);
    }

    /// <summary>An endpoint filter: 304 for a matching If-None-Match; otherwise the answer, with its ETag and Cache-Control when it succeeds.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var etag = ETagFor(http.RequestServices.GetRequiredService<DefenseCoopCatalog>(), http.Request);
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            SetHeaders(http.Response, etag);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        object? result = await next(context);
        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 }) SetHeaders(http.Response, etag);
        return result;
    }

    private static void SetHeaders(HttpResponse response, EntityTagHeaderValue etag)
    {
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = CacheControl;
    }
}
