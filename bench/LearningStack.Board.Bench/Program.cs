// Live board load: N simulated participants join one session's board over SignalR (WebSockets, loopback TCP to Kestrel) and add
// cards; for each card, the time from the sender's AddCard to the moment the LAST of the N participants has received cardAdded.
//
//   dotnet run -c Release --project bench/LearningStack.Board.Bench -- [--participants 50] [--cards 500] [--think-ms 2000]
//
// The app runs in this process on a loopback port with a throwaway SQLite data folder (removed at the end); nothing else is needed.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.SenseMaking;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Board.Bench;

public static class BoardBench
{
    private const string Password = "Board-bench-2026!";

    public static async Task<int> Main(string[] args)
    {
        var participants = Option(args, "--participants", 50);
        var cards = Option(args, "--cards", 500);
        var thinkMs = Option(args, "--think-ms", 2000);

        var folder = Directory.CreateTempSubdirectory("learningstack-board-bench-").FullName;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSolutionRelativeContentRoot("src/LearningStack.Web", AppContext.BaseDirectory, "LearningStack.slnx");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("LEARNINGSTACK_DATA", folder);
            b.UseSetting("Demo:Enabled", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting("urls", "http://127.0.0.1:0");
        });
        factory.UseKestrel();
        try
        {
            factory.StartServer();
            var baseUrl = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            Console.WriteLine($"App on {baseUrl} (SQLite in {folder}); {participants} participants, {cards} cards, think time 0–{thinkMs} ms; {Environment.ProcessorCount} cores.");

            var (sessionId, emails) = await SeedAsync(factory.Services, participants);
            using var http = new HttpClient { BaseAddress = baseUrl };
            var tokens = new List<string>();
            foreach (var email in emails)
            {
                using var response = await http.PostAsJsonAsync("/api/auth/token", new { email, password = Password });
                response.EnsureSuccessStatusCode();
                tokens.Add((await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken);
            }

            var sentAt = new ConcurrentDictionary<Guid, long>();
            var seen = new ConcurrentDictionary<Guid, int>();
            var latencies = new ConcurrentBag<double>();
            var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var connections = new List<HubConnection>();
            foreach (var token in tokens)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(baseUrl, BoardEndpoints.HubPath), o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    })
                    .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
                    .Build();
                connection.On<CardView>("cardAdded", card =>
                {
                    var now = Stopwatch.GetTimestamp();
                    if (seen.AddOrUpdate(card.ClientId, 1, (_, n) => n + 1) == participants && sentAt.TryGetValue(card.ClientId, out var sent))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                        if (latencies.Count == cards)
                        {
                            allSeen.TrySetResult();
                        }
                    }
                });
                await connection.StartAsync();
                await connection.InvokeAsync<BoardView>("Join", sessionId);
                connections.Add(connection);
            }
            Console.WriteLine($"{connections.Count} participants joined the board.");

            // Warm up (JIT, database): a few cards not counted.
            for (var i = 0; i < 5; i++)
            {
                await connections[i % connections.Count].InvokeAsync<CardView>("AddCard", sessionId, Guid.NewGuid(), $"Warm-up {i}");
            }
            await Task.Delay(500);
            seen.Clear();

            var clock = Stopwatch.StartNew();
            var perParticipant = cards / participants;
            var extra = cards % participants;
            await Task.WhenAll(connections.Select((connection, p) => Task.Run(async () =>
            {
                var random = new Random(p);
                for (var i = 0; i < perParticipant + (p < extra ? 1 : 0); i++)
                {
                    await Task.Delay(random.Next(thinkMs + 1));
                    var clientId = Guid.NewGuid();
                    sentAt[clientId] = Stopwatch.GetTimestamp();
                    await connection.InvokeAsync<CardView>("AddCard", sessionId, clientId, $"Participant {p} noticed thing {i}");
                }
            })));
            var finished = await Task.WhenAny(allSeen.Task, Task.Delay(TimeSpan.FromSeconds(30)));
            clock.Stop();

            var sorted = latencies.Order().ToArray();
            if (sorted.Length == 0)
            {
                Console.WriteLine("No card was seen by every participant.");
                return 1;
            }
            Console.WriteLine($"Cards seen by all {participants}: {sorted.Length} of {cards}{(finished == allSeen.Task ? "" : " (timed out waiting for the rest)")} in {clock.Elapsed.TotalSeconds:0.0} s");
            Console.WriteLine($"Send → seen by all: p50 {Percentile(sorted, 50):0.0} ms, p95 {Percentile(sorted, 95):0.0} ms, p99 {Percentile(sorted, 99):0.0} ms, max {sorted[^1]:0.0} ms");
            Console.WriteLine(Percentile(sorted, 95) < 250 ? "p95 is under the 250 ms target." : "p95 is OVER the 250 ms target.");
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
            return 0;
        }
        finally
        {
            await factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // left for the OS to clean up with the rest of /tmp
            }
        }
    }

    private static double Percentile(double[] sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }

    private static async Task<(Guid SessionId, List<string> Emails)> SeedAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var now = DateTimeOffset.UtcNow;
        var network = new Network { Name = "Board benchmark", CreatedAt = now };
        var scale = new Scale { NetworkId = network.Id, Name = "Team", Kind = ScaleKind.Team, Position = 1 };
        network.Scales.Add(scale);
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = $"participant{i:00}@bench.learningstack.org";
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Participant {i:00}" };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            network.Members.Add(new NetworkMember { NetworkId = network.Id, UserId = user.Id, Role = NetworkRole.Member, JoinedAt = now });
            emails.Add(email);
        }
        var cycle = new Cycle { NetworkId = network.Id, ScaleId = scale.Id, Name = "Bench team", CreatedAt = now, UpdatedAt = now };
        var session = new SenseMakingSession { NetworkId = network.Id, CycleId = cycle.Id, Title = "Bench session", State = SessionState.Live, StartsAt = now, CreatedAt = now };
        db.Networks.Add(network);
        db.Cycles.Add(cycle);
        db.SenseMakingSessions.Add(session);
        await db.SaveChangesAsync();
        return (session.Id, emails);
    }
}

internal sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string? RefreshToken);
