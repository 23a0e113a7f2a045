using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningStack.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class InvitationJourneys(BrowserApp app)
{
    [Fact]
    public async Task StewardInvitesSomeoneWhoCreatesAnAccountAndJoins()
    {
        var steward = await Journey.NewPageAsync(app, 1280);
        await Journey.SignInAsync(steward, "steward@demo.learningstack.org");
        await steward.GetByRole(AriaRole.Link, new() { Name = "North Devon pathology (demo)" }).ClickAsync();
        await steward.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        var email = $"gp.{Guid.NewGuid():N}@example.org";
        await steward.GetByLabel("Email address").FillAsync(email);
        await steward.GetByLabel("Their role in the network").SelectOptionAsync("Observer");
        await steward.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = await steward.GetByLabel("Invitation link").InputValueAsync();
        Assert.Contains("/invitations/", link, StringComparison.Ordinal);
        await Journey.AssertAccessibleAsync(steward, "the members page");
        await Journey.ScreenshotAsync(steward, "invite-1-members-1280");
        await steward.Context.CloseAsync();

        var newcomer = await Journey.NewPageAsync(app, 360);
        await newcomer.GotoAsync(link);
        // Not signed in yet: sent to sign in, then on to create an account.
        await newcomer.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = "Create an account" })).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(newcomer, "the create-account page");
        await newcomer.GetByLabel("Your name, as others will see it").FillAsync("Dr Priya Shah (GP)");
        await newcomer.GetByLabel("Email").FillAsync(email);
        await newcomer.GetByLabel("Password", new() { Exact = true }).FillAsync("Pathology-2026!");
        await newcomer.GetByLabel("Confirm Password").FillAsync("Pathology-2026!");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = "Join North Devon pathology (demo)" })).ToBeVisibleAsync();
        await Expect(newcomer.GetByText("join as an observer")).ToBeVisibleAsync();
        await Journey.AssertAccessibleAsync(newcomer, "the invitation page");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Join the network" }).ClickAsync();
        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = "North Devon pathology (demo)", Level = 1, Exact = true })).ToBeVisibleAsync();
        await Expect(newcomer.GetByRole(AriaRole.Link, new() { Name = "Learning stack" })).ToBeVisibleAsync();
        // Observers read but do not get the "New cycle" action.
        await Expect(newcomer.GetByRole(AriaRole.Link, new() { Name = "New cycle" })).ToHaveCountAsync(0);
        await Journey.ScreenshotAsync(newcomer, "invite-2-joined-360");

        // The link works once.
        await newcomer.GotoAsync(link);
        await Expect(newcomer.GetByText("has expired, been used or been withdrawn")).ToBeVisibleAsync();
        await newcomer.Context.CloseAsync();
    }
}
