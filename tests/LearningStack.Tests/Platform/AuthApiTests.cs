using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using LearningStack.Tests.Infrastructure;
using LearningStack.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LearningStack.Tests.Platform;

/// <summary>POST /api/auth/token and bearer authentication of the API.</summary>
public abstract class AuthApiTests(AppFactory app)
{
    [Fact]
    public async Task Token_RightPassword_ReturnsBearerTokenThatOpensTheApi()
    {
        var user = await app.CreateUserAsync("Token Taker");
        using var client = app.Anonymous();

        using var response = await client.PostJsonAsync("/api/auth/token", new { email = user.Email, password = AppFactory.Password });

        var token = await response.ReadAsync<AppFactory.TokenResponse>();
        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(3600, token.ExpiresIn);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var networks = await client.GetAsync("/api/networks");
        await networks.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_WrongPasswordOrUnknownEmail_Returns401WithTheSameMessage()
    {
        var user = await app.CreateUserAsync("Forgetful");
        using var client = app.Anonymous();

        using var wrongPassword = await client.PostJsonAsync("/api/auth/token", new { email = user.Email, password = "Not-the-password-1" });
        using var unknownEmail = await client.PostJsonAsync("/api/auth/token", new { email = "nobody@test.learningstack.org", password = AppFactory.Password });

        var first = await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal((first.Title, first.Detail), (second.Title, second.Detail));
    }

    [Theory]
    [InlineData("not-an-email", "secret-password", "email")]
    [InlineData("", "secret-password", "email")]
    [InlineData("someone@example.org", "", "password")]
    public async Task Token_BadInput_Returns400ForField(string email, string password, string field)
    {
        using var client = app.Anonymous();

        using var response = await client.PostJsonAsync("/api/auth/token", new { email, password });

        await response.ShouldBeInvalidAsync(field);
    }

    [Theory]
    [InlineData("Bearer", "not-a-real-token")]
    [InlineData("Basic", "c3Rld2FyZDpwYXNzd29yZA==")]
    public async Task Api_InvalidCredentials_Returns401(string scheme, string value)
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, value);

        using var response = await client.GetAsync("/api/networks");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_FiveWrongPasswords_LocksTheAccount()
    {
        var user = await app.CreateUserAsync("Locked Out");
        using var client = app.Anonymous();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.PostJsonAsync("/api/auth/token", new { email = user.Email, password = $"Wrong-password-{attempt}" });
            await wrong.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        }

        using var right = await client.PostJsonAsync("/api/auth/token", new { email = user.Email, password = AppFactory.Password });

        var problem = await right.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Account locked", problem.Title);
    }

    [Fact]
    public async Task Token_TwoFactorOn_NeedsTheAuthenticatorCode()
    {
        var user = await app.CreateUserAsync("Two Factor");
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(account);
            key = (await users.GetAuthenticatorKeyAsync(account))!;
            await users.SetTwoFactorEnabledAsync(account, true);
        }
        using var client = app.Anonymous();

        using var withoutCode = await client.PostJsonAsync("/api/auth/token", new { email = user.Email, password = AppFactory.Password });
        using var wrongCode = await client.PostJsonAsync("/api/auth/token", new { email = user.Email, password = AppFactory.Password, twoFactorCode = Totp(key, stepsAgo: 10) });
        using var withCode = await client.PostJsonAsync("/api/auth/token", new { email = user.Email, password = AppFactory.Password, twoFactorCode = Totp(key).Insert(3, " ") });

        Assert.Equal("Two-factor code needed", (await withoutCode.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).Title);
        await wrongCode.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrEmpty((await withCode.ReadAsync<AppFactory.TokenResponse>()).AccessToken));
    }

    /// <summary>The 6-digit RFC 6238 code (30-second steps, HMAC-SHA1) for an authenticator key in base32, as an authenticator app
    /// shows it now (or <paramref name="stepsAgo"/> steps ago, outside the window the server accepts).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "RFC 6238 authenticator codes are defined with HMAC-SHA1.")]
    private static string Totp(string base32Key, int stepsAgo = 0)
    {
        var key = Base32Decode(base32Key);
        var counter = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30) - stepsAgo;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }
        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}

public sealed class AuthApiSqliteTests(SqliteAppFactory app) : AuthApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AuthApiPostgresTests(PostgresAppFactory app) : AuthApiTests(app), IClassFixture<PostgresAppFactory>;
