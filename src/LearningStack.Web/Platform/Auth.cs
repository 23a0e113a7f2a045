using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using LearningStack.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LearningStack.Web.Platform;

/// <summary>Sign-in for people (Identity cookies, optional OpenID Connect) and for API clients (bearer tokens).</summary>
public static class Auth
{
    public const string ApiPolicy = "api";

    /// <summary>For the JSON endpoints the app's own pages call (the map editor): the sign-in cookie, with an antiforgery token on every change.</summary>
    public const string BrowserPolicy = "browser";

    public static IServiceCollection AddAppAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            });
        authentication.AddIdentityCookies();
        authentication.AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));

        // Optional organisation sign-in (e.g. Entra ID), switched on by settings alone.
        var oidc = configuration.GetSection("Authentication:OpenIdConnect");
        if (oidc["Authority"] is { Length: > 0 } authority)
        {
            authentication.AddOpenIdConnect("oidc", oidc["DisplayName"] ?? "Organisation sign-in", o =>
            {
                o.Authority = authority;
                o.ClientId = oidc["ClientId"];
                o.ClientSecret = oidc["ClientSecret"];
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = false;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.CallbackPath = oidc["CallbackPath"] ?? "/signin-oidc";
                o.Scope.Add("email");
                o.MapInboundClaims = true;
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            .AddPolicy(BrowserPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
        // JSON endpoints and hubs answer 401/403 rather than redirecting to the sign-in page.
        services.ConfigureApplicationCookie(o =>
        {
            o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiAware(c, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 10;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>()
            .AddDefaultTokenProviders();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        return services;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    /// <summary>Changes through <see cref="BrowserPolicy"/> endpoints must carry the page's antiforgery token in the RequestVerificationToken header.</summary>
    public static RouteGroupBuilder RequireAntiforgeryHeader(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                try
                {
                    await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
                }
                catch (AntiforgeryValidationException)
                {
                    return TypedResults.Problem(statusCode: 400, title: "Antiforgery token missing or invalid",
                        detail: "Reload the page and try again: the request did not carry this page's antiforgery token.");
                }
            }
            return await next(context);
        });
        return group;
    }

    /// <summary>POST /api/auth/token: exchanges email + password (+ authenticator code when two-factor is on) for a bearer token.</summary>
    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async Task<IResult> (TokenRequest request, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) =>
            {
                if (InputValidation.Check(request) is { } invalid)
                {
                    return new Outcome<bool>(invalid.Status, false, invalid.Errors, invalid.Message).ToHttpResult();
                }
                var user = await users.FindByEmailAsync(request.Email);
                if (user is null)
                {
                    return TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: "The email or password is not right.");
                }
                var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
                if (check.IsLockedOut)
                {
                    return TypedResults.Problem(statusCode: 401, title: "Account locked", detail: "Too many failed attempts. Try again in 15 minutes.");
                }
                if (!check.Succeeded)
                {
                    return TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: "The email or password is not right.");
                }
                if (await users.GetTwoFactorEnabledAsync(user))
                {
                    var code = request.TwoFactorCode?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
                    if (string.IsNullOrEmpty(code) || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
                    {
                        return TypedResults.Problem(statusCode: 401, title: "Two-factor code needed", detail: "This account uses two-factor authentication: send the current code from your authenticator app as twoFactorCode.");
                    }
                }
                var principal = await signIn.CreateUserPrincipalAsync(user);
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .WithTags("Authentication")
            .WithSummary("Get a bearer token for the API. Send it as 'Authorization: Bearer <accessToken>'.");
        return api;
    }

    public sealed class TokenRequest
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = "";

        public string? TwoFactorCode { get; set; }
    }
}

/// <summary>Adds the member's display name to their sign-in so pages and history can show it.</summary>
public sealed class DisplayNameClaimsFactory(UserManager<ApplicationUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("display_name", user.ShownName));
        return identity;
    }
}
