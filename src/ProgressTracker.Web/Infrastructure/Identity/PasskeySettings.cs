using System.Net;
using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// Section "Passkeys": who the relying party is. A passkey is bound to this domain for good: passkeys made under
/// one name do not work under another, so set it before staff enrol and keep it.
/// </summary>
public sealed class PasskeySettings
{
    public const string Section = "Passkeys";

    /// <summary>
    /// The relying-party id: the site's host name as users open it (for example <c>clinic.example</c>). Null means
    /// the host of each request, which suits <c>localhost</c> but trusts the Host header; set it in production.
    /// </summary>
    public string? ServerDomain { get; set; }

    public static PasskeySettings From(IConfiguration config)
    {
        var settings = config.GetSection(Section).Get<PasskeySettings>() ?? new PasskeySettings();
        settings.ServerDomain = string.IsNullOrWhiteSpace(settings.ServerDomain) ? null : settings.ServerDomain.Trim();
        if (settings.ServerDomain is { } domain && (IPAddress.TryParse(domain.Trim('[', ']'), out _)
                                                    || domain.Contains(':', StringComparison.Ordinal)
                                                    || domain.Contains('/', StringComparison.Ordinal)))
            throw new InvalidOperationException(
                $"{Section}:ServerDomain: '{domain}' must be a host name without scheme or port (for example " +
                "clinic.example or localhost); WebAuthn refuses IP addresses as relying-party id.");
        return settings;
    }

    /// <summary>
    /// Browsers refuse passkeys for a site opened by IP address (the default <c>http://127.0.0.1:5080</c>), so the
    /// pages say so instead of offering a button that can only fail.
    /// </summary>
    public bool UsableOn(HttpRequest request) =>
        ServerDomain is not null || !IPAddress.TryParse(request.Host.Host.Trim('[', ']'), out _);

    public void Apply(IdentityPasskeyOptions options)
    {
        options.ServerDomain = ServerDomain;
        // Discoverable credentials: "Sign in with a passkey" needs no email first.
        options.ResidentKeyRequirement = "required";
        // The device checks it is its owner (PIN, fingerprint, face): with that, a passkey is both factors at once.
        options.UserVerificationRequirement = "required";
        options.ValidateOrigin = ctx => ValueTask.FromResult(OriginMatches(ctx));
    }

    /// <summary>
    /// The origin the browser signed for must be this site: the configured host (any port: proxies differ), or
    /// without one exactly the request's own scheme, host and port; https, or http for localhost only, and not from
    /// a cross-origin frame. The framework's default compares it to the request's Origin header instead, which a
    /// form post sends as "null" under this site's Referrer-Policy: no-referrer.
    /// </summary>
    private bool OriginMatches(PasskeyOriginValidationContext ctx)
    {
        if (ctx.CrossOrigin || !Uri.TryCreate(ctx.Origin, UriKind.Absolute, out var origin)) return false;
        var localhost = string.Equals(origin.Host, "localhost", StringComparison.OrdinalIgnoreCase);
        if (origin.Scheme != Uri.UriSchemeHttps && !(origin.Scheme == Uri.UriSchemeHttp && localhost)) return false;
        if (ServerDomain is { } domain) return string.Equals(origin.Host, domain, StringComparison.OrdinalIgnoreCase);
        var request = ctx.HttpContext.Request;
        return Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out var site) && site == origin;
    }
}
