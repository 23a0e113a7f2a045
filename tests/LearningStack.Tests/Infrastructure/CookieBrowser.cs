using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LearningStack.Tests.Infrastructure;

/// <summary>A client that signs in through the real login form and then carries the sign-in cookie, like a browser: for pages and
/// the /api/ui endpoints (which take the cookie and an antiforgery token, not a bearer token).</summary>
public static partial class CookieBrowser
{
    /// <summary>Signs in with the test password. Redirects are not followed, so a page that sends the visitor to sign in answers 302.</summary>
    public static async Task<HttpClient> SignInAsync(AppFactory app, string email)
    {
        var browser = Create(app);
        var login = await browser.GetStringAsync("/Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = TokenIn(login),
            ["Input.Email"] = email,
            ["Input.Password"] = AppFactory.Password,
        });
        using var signedIn = await browser.PostAsync("/Account/Login", form);
        Assert.True(signedIn.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"Sign-in answered {signedIn.StatusCode}");
        return browser;
    }

    /// <summary>Signs in and, when <paramref name="pageWithEditor"/> is given, reads the antiforgery token from the editor on that page.</summary>
    public static async Task<(HttpClient Browser, string? Token)> SignInAsync(AppFactory app, string email, string? pageWithEditor)
    {
        var browser = await SignInAsync(app, email);
        if (pageWithEditor is null)
        {
            return (browser, null);
        }
        using var response = await browser.GetAsync(pageWithEditor);
        Assert.True(response.IsSuccessStatusCode, $"{pageWithEditor} answered {response.StatusCode}. Server log: {ServerErrors.All()}");
        var page = await response.Content.ReadAsStringAsync();
        return (browser, TokenIn(page[page.IndexOf("data-map-editor", StringComparison.Ordinal)..]));
    }

    /// <summary>A client without a sign-in that does not follow redirects.</summary>
    public static HttpClient Create(AppFactory app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The first antiforgery token in a page.</summary>
    public static string TokenIn(string html) => Token().Match(html).Groups[1].Value;

    /// <summary>Sends JSON with the antiforgery token in the header the app's scripts use (none when <paramref name="token"/> is null).</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string json, string? token)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
