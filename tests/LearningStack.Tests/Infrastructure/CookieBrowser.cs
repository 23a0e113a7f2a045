using System.Net;
using System.Text.RegularExpressions;

namespace LearningStack.Tests.Infrastructure;

/// <summary>A browser-like client for the /api/ui endpoints: signed in through the real sign-in form (cookie), with the antiforgery
/// token read from a page that hosts an editor.</summary>
public static partial class CookieBrowser
{
    /// <summary>Signs in and, when <paramref name="pageWithEditor"/> is given, reads the antiforgery token from the editor on that page.</summary>
    public static async Task<(HttpClient Browser, string? Token)> SignInAsync(AppFactory app, string email, string? pageWithEditor)
    {
        var browser = app.CreateClient();
        var login = await browser.GetStringAsync("/Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token().Match(login).Groups[1].Value,
            ["Input.Email"] = email,
            ["Input.Password"] = AppFactory.Password,
        });
        using var signedIn = await browser.PostAsync("/Account/Login", form);
        Assert.True(signedIn.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"Sign-in answered {signedIn.StatusCode}");
        if (pageWithEditor is null)
        {
            return (browser, null);
        }
        using var response = await browser.GetAsync(pageWithEditor);
        Assert.True(response.IsSuccessStatusCode, $"{pageWithEditor} answered {response.StatusCode}. Server log: {ServerErrors.All()}");
        var page = await response.Content.ReadAsStringAsync();
        var editor = page[page.IndexOf("data-map-editor", StringComparison.Ordinal)..];
        return (browser, Token().Match(editor).Groups[1].Value);
    }

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
