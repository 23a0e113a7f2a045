using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LearningStack.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Benchmarks;

/// <summary>The real app hosted in this process by WebApplicationFactory — on Kestrel at a loopback port (default) or on the
/// in-memory TestServer — configured for one database, with the benchmark network seeded, a bearer-token client for the API
/// and a cookie client signed in through the login form.</summary>
public sealed partial class BenchApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private BenchApp(WebApplicationFactory<Program> factory, BenchProvider provider)
    {
        _factory = factory;
        Provider = provider;
    }

    public BenchProvider Provider { get; }

    public Guid NetworkId { get; private set; }

    /// <summary>Sends "Authorization: Bearer …" (the API's scheme).</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>Holds the Identity cookie from signing in through /Account/Login (the pages' scheme).</summary>
    public HttpClient Browser { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    /// <summary>The connection string the app uses, for the raw-SQL baseline.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Starts the app on <paramref name="provider"/>; the SQLite file goes to <paramref name="sqliteFolder"/> (default
    /// <see cref="BenchSettings.SqliteFolder"/>).</summary>
    public static async Task<BenchApp> StartAsync(BenchProvider provider, IInterceptor? interceptor = null, string? sqliteFolder = null)
    {
        if (provider == BenchProvider.Postgres && BenchSettings.PostgresConnectionString is null)
        {
            throw new InvalidOperationException("Set LEARNINGSTACK_BENCH_POSTGRES to an Npgsql connection string (bench/run.sh does this).");
        }
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            // Production: no developer exception page, no demo seed; request logging is at Warning as in appsettings.json.
            builder.UseEnvironment("Production");
            builder.UseSolutionRelativeContentRoot("src/LearningStack.Web", AppContext.BaseDirectory, "LearningStack.slnx");
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("LEARNINGSTACK_DATA", sqliteFolder ?? BenchSettings.SqliteFolder);
            builder.UseSetting("ConnectionStrings:Postgres", BenchSettings.PostgresConnectionString ?? "");
            builder.UseSetting("Demo:Enabled", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            if (BenchSettings.Host == BenchHost.Kestrel)
            {
                builder.UseSetting("urls", "http://127.0.0.1:0");
            }
            if (interceptor is not null)
            {
                builder.ConfigureTestServices(services =>
                {
                    if (provider == BenchProvider.Sqlite)
                    {
                        services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(interceptor));
                    }
                    else
                    {
                        services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(interceptor));
                    }
                });
            }
        });
        if (BenchSettings.Host == BenchHost.Kestrel)
        {
            factory.UseKestrel();
        }
        var app = new BenchApp(factory, provider);
        try
        {
            await app.InitializeAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private async Task InitializeAsync()
    {
        _factory.StartServer();   // runs the app's startup, which applies the migrations
        NetworkId = await BenchSeed.EnsureAsync(_factory.Services);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            ConnectionString = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
        }

        Api = CreateClient();
        var token = await Api.PostAsJsonAsync("/api/auth/token", new { email = BenchSeed.Email, password = BenchSeed.Password });
        token.EnsureSuccessStatusCode();
        var body = await token.Content.ReadFromJsonAsync<TokenResponse>() ?? throw new InvalidOperationException("No token in the response.");
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.AccessToken);

        Browser = CreateClient();
        await SignInAsync(Browser);

        // Fail fast if a request does not do what the benchmark claims to measure.
        await CheckAsync(Api, CyclesUrl, "\"name\":");
        await CheckAsync(Api, StackUrl, "\"bands\":");
        await CheckAsync(Browser, PageUrl, "Every link in this stack");
    }

    private readonly CountingStream _sink = new();

    /// <summary>Sends a GET and reads the whole body, keeping only its length. The body is copied with HttpContent.CopyToAsync
    /// (the client's own fast path) into a stream that only counts: buffering it into a new array each time
    /// (GetByteArrayAsync) would add the benchmark's own large-object garbage to the GC that the app shares in this process.</summary>
    public async Task<long> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        _sink.SetLength(0);
        await response.Content.CopyToAsync(_sink);
        return _sink.Length;
    }

    /// <summary>A client that keeps cookies and does not follow redirects: over loopback TCP to Kestrel, or in memory to TestServer.</summary>
    private HttpClient CreateClient()
    {
        if (BenchSettings.Host == BenchHost.TestServer)
        {
            return _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        }
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("Kestrel did not report its address.");
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), AutomaticDecompression = DecompressionMethods.None };
        return new HttpClient(handler) { BaseAddress = new Uri(address) };
    }

    public string CyclesUrl => $"/api/networks/{NetworkId}/cycles";

    public string StackUrl => $"/api/networks/{NetworkId}/stack";

    public string PageUrl => $"/networks/{NetworkId}";

    /// <summary>Signs in as a person does: GET the login form, POST it back with its antiforgery token, keep the Identity cookie.</summary>
    private static async Task SignInAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the login form.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = BenchSeed.Email,
            ["Input.Password"] = BenchSeed.Password,
            ["Input.RememberMe"] = "false",
        });
        using var response = await client.PostAsync("/Account/Login", content);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
        {
            throw new InvalidOperationException($"Signing in through the login form gave {(int)response.StatusCode}, not a redirect.");
        }
    }

    public static async Task CheckAsync(HttpClient client, string url, string expected)
    {
        using var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !text.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode} without '{expected}': {text[..Math.Min(text.Length, 500)]}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        Browser?.Dispose();
        await _factory.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed record TokenResponse(string AccessToken);
}
