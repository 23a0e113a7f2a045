using System.Security.Cryptography;
using LearningStack.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Platform;

/// <summary>First-run set-up outside demo mode: while no account exists, a one-time token (printed once on the console)
/// lets someone create the first steward account at /setup. The CLI command `create-steward` does the same without a browser.</summary>
public sealed class FirstRun
{
    private readonly Lock _lock = new();
    private string? _token;

    public bool IsOpen
    {
        get
        {
            lock (_lock)
            {
                return _token is not null;
            }
        }
    }

    /// <summary>Opens set-up with a fresh token and returns it (to print once).</summary>
    public string Open()
    {
        lock (_lock)
        {
            _token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            return _token;
        }
    }

    public bool Matches(string? token)
    {
        lock (_lock)
        {
            return _token is not null && token is not null &&
                CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(_token), System.Text.Encoding.UTF8.GetBytes(token.Trim()));
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            _token = null;
        }
    }

    /// <summary>Creates a steward account (the person then creates networks). Returns errors, or none on success.</summary>
    public static async Task<IReadOnlyList<string>> CreateStewardAsync(IServiceProvider services, string email, string displayName, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? [] : [.. result.Errors.Select(e => e.Description)];
    }

    public static async Task<bool> AnyAccountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync();
    }
}
