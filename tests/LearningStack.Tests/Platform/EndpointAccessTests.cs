using System.Net;
using LearningStack.Tests.Infrastructure;

namespace LearningStack.Tests.Platform;

/// <summary>Who may call what, for every endpoint of the JSON API (the list in <see cref="ApiEndpoints"/>), on both databases:
/// no token → 401; outsiders → 404 so networks stay invisible; observers writing → 403; members doing stewards' work → 403.</summary>
public abstract class EndpointAccessTests(AppFactory app)
{
    public static TheoryData<string> ProtectedEndpoints => ApiEndpoints.Cases(ApiEndpoints.Protected);
    public static TheoryData<string> NetworkScopedEndpoints => ApiEndpoints.Cases(ApiEndpoints.NetworkScoped);
    public static TheoryData<string> WriteEndpoints => ApiEndpoints.Cases(ApiEndpoints.NetworkWrite);
    public static TheoryData<string> StewardOnlyEndpoints => ApiEndpoints.Cases(ApiEndpoints.StewardOnly);
    public static TheoryData<string> ReadEndpoints => ApiEndpoints.Cases(ApiEndpoints.ObserverRead);

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public Task Endpoint_Unauthenticated_Returns401(string endpoint) => EndpointMatrix.ExpectUnauthenticatedAsync(app, endpoint);

    [Theory]
    [MemberData(nameof(NetworkScopedEndpoints))]
    public Task Endpoint_Outsider_Returns404(string endpoint) => EndpointMatrix.ExpectAsync(app, endpoint, w => w.Network.Outsider, HttpStatusCode.NotFound);

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public Task Endpoint_ObserverWrites_Returns403(string endpoint) => EndpointMatrix.ExpectAsync(app, endpoint, w => w.Network.Observer, HttpStatusCode.Forbidden);

    [Theory]
    [MemberData(nameof(StewardOnlyEndpoints))]
    public Task Endpoint_MemberDoesStewardsWork_Returns403(string endpoint) => EndpointMatrix.ExpectAsync(app, endpoint, w => w.Network.Member, HttpStatusCode.Forbidden);

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public Task Endpoint_ObserverReads_Returns200(string endpoint) => EndpointMatrix.ExpectAsync(app, endpoint, w => w.Network.Observer, HttpStatusCode.OK);
}

public sealed class EndpointAccessSqliteTests(SqliteAppFactory app) : EndpointAccessTests(app), IClassFixture<SqliteAppFactory>;

public sealed class EndpointAccessPostgresTests(PostgresAppFactory app) : EndpointAccessTests(app), IClassFixture<PostgresAppFactory>;
