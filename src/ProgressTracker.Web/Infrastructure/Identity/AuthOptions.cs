namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>Section "Auth": how long sign-ins last and what they need.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Staff (Admin, Clinician, Marketing) must have a second factor (TOTP or a passkey). Null means the default:
    /// on, except in the demo (Demo:Seed=true), where a newcomer signs in with the printed password only.
    /// </summary>
    public bool? RequireSecondFactor { get; set; }

    /// <summary>A cookie session ends after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A cookie session ends this long after sign-in, however active it is.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>An unused refresh token expires after this long.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A chain of refresh tokens (one sign-in) ends this long after sign-in, however often refreshed.</summary>
    public TimeSpan RefreshFamilyLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How stale an account's state (deactivated, locked out, security stamp) may be when a cookie or bearer token
    /// is accepted. Cookies re-check at this interval, bearer tokens against a cache of half of it.
    /// </summary>
    public TimeSpan AccountCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Resolved at start-up from <see cref="RequireSecondFactor"/> and the demo setting.</summary>
    public bool SecondFactorRequired { get; set; }

    public static AuthOptions From(IConfiguration config, bool demo)
    {
        var options = config.GetSection(Section).Get<AuthOptions>() ?? new AuthOptions();
        options.SecondFactorRequired = options.RequireSecondFactor ?? !demo;
        return options;
    }
}
