using DefenseCoop.Samples.Web;

// Usage: dotnet run --project samples/DefenseCoop.Samples.Web [--urls http://127.0.0.1:5080]
// Then open the address it prints: the page, /openapi/v1.json and the API under /api.
var app = WebSample.Build(args);
app.Run();
