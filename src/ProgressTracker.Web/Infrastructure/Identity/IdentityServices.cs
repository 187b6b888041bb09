using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Infrastructure.Identity;

public static class IdentityServices
{
    /// <summary>Pages sign in with a cookie, API clients with a bearer token; one scheme picks per request.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static void AddAppIdentity(this IServiceCollection services, IConfiguration config, bool demo)
    {
        var auth = AuthOptions.From(config, demo);
        services.AddSingleton(auth);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = ctx =>
                    UsesBearerToken(ctx.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = auth.AccessTokenLifetime)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "pt.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = auth.IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = SessionLifetime.StampIssuedAt;
            o.Events.OnValidatePrincipal = SessionLifetime.ValidateAsync;
            // API callers get status codes (turned into ProblemDetails), never a redirect to the login page.
            o.Events.OnRedirectToLogin = ctx => StatusOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => StatusOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Stores.SchemaVersion = IdentityStoreSchema.Version;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 8;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(10);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // Ours replaces Identity's everywhere, including inside the security-stamp validators.
        services.AddScoped<AppSignInManager>();
        services.AddScoped<SignInManager<AppUser>>(sp => sp.GetRequiredService<AppSignInManager>());
        // AddIdentityCore leaves out the WebAuthn handler that AddIdentity registers; without it passkeys throw.
        services.AddScoped<IPasskeyHandler<AppUser>, PasskeyHandler<AppUser>>();
        var passkeys = PasskeySettings.From(config);
        services.AddSingleton(passkeys);
        services.Configure<IdentityPasskeyOptions>(passkeys.Apply);
        // Cookies re-read the account (stamp, deactivation, lockout) at this interval; bearer tokens per request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = auth.AccountCheckInterval);
        // One clock for sessions and tokens, so tests can move it (FakeTimeProvider).
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme)
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddSingleton<AccountStates>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<RefreshTokens>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<SignInEvents>();
        services.AddScoped<SecondFactorCheck>();

        // Keys in the database: every web process signs and reads the same cookies and tokens, and restarts
        // do not sign everyone out.
        services.AddDataProtection().SetApplicationName("ProgressTracker").PersistKeysToDbContext<AppDbContext>();
        services.AddAuthorization(Policies.Add);
    }

    /// <summary>A request with a bearer token is signed in by that token alone; the cookie is then ignored.</summary>
    public static bool UsesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<
        Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/health"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
