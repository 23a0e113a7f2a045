using LearningStack.Tests.Infrastructure;
using LearningStack.Tests.Infrastructure.SenseMaking;
using LearningStack.Web.Features.SenseMaking;
using Microsoft.AspNetCore.SignalR.Client;

namespace LearningStack.Tests.Features.SenseMaking;

/// <summary>A card acknowledged by the hub has been saved: it is still there after the app stops and starts again on the same data.</summary>
public sealed class BoardRestartTests
{
    [Fact]
    public async Task AckedCards_AppRestarted_StillOnTheBoard()
    {
        var folder = Directory.CreateTempSubdirectory("learningstack-board-restart-").FullName;
        try
        {
            Guid sessionId;
            string email;
            string name;
            string userId;
            var acked = new List<Guid>();
            await using (var first = new KeptSqliteAppFactory(folder))
            {
                var (network, _, session) = await BoardTestData.BoardAsync(first);
                (sessionId, email, name, userId) = (session, network.Member.Email, network.Member.Name, network.Member.Id);
                await using var hub = await BoardHubClient.ConnectAsync(first, network.Member);
                await hub.InvokeAsync<BoardView>("Join", sessionId);
                for (var i = 0; i < 3; i++)
                {
                    acked.Add((await hub.InvokeAsync<CardView>("AddCard", sessionId, Guid.NewGuid(), $"Acknowledged card {i}")).Id);
                }
            }

            await using var second = new KeptSqliteAppFactory(folder);
            var member = await second.SignInAsync(userId, email, AppFactory.Password, name);
            var board = await member.GetAsync<BoardView>($"/api/sessions/{sessionId}/board");

            Assert.Equal(acked, board.Cards.Select(c => c.Id));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>SQLite in a given data folder that is kept when the app stops.</summary>
    private sealed class KeptSqliteAppFactory(string folder) : SqliteAppFactory
    {
        protected override IReadOnlyDictionary<string, string> DatabaseSettings() => new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["LEARNINGSTACK_DATA"] = folder,
        };

        protected override Task DeleteDatabaseAsync() => Task.CompletedTask;
    }
}
