using System.Text.Json.Serialization;
using LearningStack.Web.Components;
using LearningStack.Web.Components.Account;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Connections;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Experiments;
using LearningStack.Web.Features.Influence;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.SenseMaking;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Patterns;
using LearningStack.Web.Features.People;
using LearningStack.Web.Features.Stewardship;
using LearningStack.Web.Features.Stories;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<IdentityRedirectManager>();
builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddSingleton<FirstRun>();

builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddAppAuthentication(builder.Configuration);
builder.Services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("LearningStack");
builder.Services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();

builder.Services.AddNetworks().AddCycles().AddCycleConnections().AddUnderstanding().AddExperiments(builder.Configuration)
    .AddSenseMaking().AddIssueLog().AddInfluence().AddPeople().AddSpendLog(builder.Configuration).AddStories()
    .AddStewardship(builder.Configuration).AddPatterns();

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<BadRequestHandler>();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

if (args.FirstOrDefault() == "create-steward")
{
    return await Cli.CreateStewardAsync(app, args[1..]);
}

await Database.MigrateAsync(app.Services);
var demo = app.Configuration.GetValue("Demo:Enabled", app.Environment.IsDevelopment());
if (demo)
{
    await DemoSeed.SeedAsync(app.Services);
}
else if (!await FirstRun.AnyAccountAsync(app.Services))
{
    var token = app.Services.GetRequiredService<FirstRun>().Open();
    Console.WriteLine($"No accounts yet. Create the first steward at /setup with this one-time token: {token}");
}

// The API and the live hubs answer in status codes and problem details; pages re-execute a friendly error page.
// (Re-executing a hub's refused POST negotiate as a page would turn its 401 into an antiforgery 400.)
static bool ForMachines(HttpContext c) => c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/hubs");
app.UseWhen(ForMachines, api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(c => !ForMachines(c) && !c.Request.Path.StartsWithSegments("/health"), pages =>
{
    pages.UseExceptionHandler("/Error", createScopeForErrors: true);
    pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

// Routing runs after the error handlers so that a re-executed error or not-found page is routed afresh.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi().AllowAnonymous();

var api = app.MapGroup("/api").RequireAuthorization(Auth.ApiPolicy).DisableAntiforgery();
api.MapAuth();
api.MapNetworks();
api.MapCycles();
api.MapCycleConnections();
api.MapUnderstanding();
api.MapExperiments();
api.MapSenseMaking();
api.MapIssueLog();
api.MapInfluence();
api.MapPeople();
api.MapSpendLog();
api.MapStories();
api.MapStewardship();
api.MapPatterns();

// The same endpoints for the app's own scripts (the map editor, uploads): sign-in cookie and antiforgery header instead of a bearer token.
var ui = app.MapGroup("/api/ui").RequireAuthorization(Auth.BrowserPolicy).DisableAntiforgery().RequireAntiforgeryHeader().ExcludeFromDescription();
ui.MapUnderstandingForBrowser();
ui.MapExperiments();
ui.MapSenseMaking();
ui.MapIssueLog();
ui.MapInfluence();
ui.MapPeople();
ui.MapSpendLog();
ui.MapStewardship();
ui.MapPatterns();
app.MapSessionBoardHub();

app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"LearningStack is running at {url}");
    }
    if (demo)
    {
        Console.WriteLine($"Demo sign-ins (password for all: {DemoSeed.Password}):");
        foreach (var (email, name, role) in DemoSeed.Accounts)
        {
            Console.WriteLine($"  {email,-40} {role,-9} {name}");
        }
        Console.WriteLine($"  {DemoSeed.Resident.Email,-40} {"(none)",-9} {DemoSeed.Resident.Name}: sees only her own case file");
    }
});

await app.RunAsync();
return 0;

/// <summary>Visible to the test host.</summary>
public partial class Program;
